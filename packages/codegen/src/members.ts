import { isObject, type Json } from './json.js';
import { operations } from './upload.js';

/** The extension, on an operation that pages the members of one record, that names them. */
export const MEMBERS = 'x-lightfield-members';

/**
 * `x-lightfield-members` on an operation under a record's path (`/groups/{groupId}/people`): it
 * pages the records of another resource that the record holds as members, not the spec's example.
 * The record's create and update bodies name them under `relationships.<key>`, and `typeField`, if
 * given, is the record's field naming the one object type its members have.
 */
export interface MembersModel {
  /** The members' object type: the resource whose records the page holds. */
  objectType: string;
  /** The relationship key under which the record's create and update bodies name these members. */
  key: string;
  /** The record's field whose value is its members' object type, if it has one. */
  typeField?: string;
}

type Problem = { pointer: string; message: string };

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The shape problems of the extension: an object with non-empty strings. */
function shapeProblems(ext: unknown): Problem[] {
  if (!isObject(ext)) return [{ pointer: '', message: 'must be an object' }];
  const keys: [string, boolean][] = [
    ['objectType', true],
    ['key', true],
    ['typeField', false],
  ];
  return keys
    .filter(([key, required]) => (ext[key] !== undefined ? !str(ext[key]) : required))
    .map(([key, required]) => ({
      pointer: key,
      message: `\`${key}\` ${required ? 'is required and ' : ''}must be a non-empty string`,
    }));
}

/** The members an operation declares, if it declares them well-formed (see `checkMembers`). */
export function readMembers(op: Json): MembersModel | undefined {
  const ext = op[MEMBERS];
  if (!isObject(ext) || shapeProblems(ext).length) return undefined;
  const typeField = str(ext['typeField']);
  return {
    objectType: ext['objectType'] as string,
    key: ext['key'] as string,
    ...(typeField ? { typeField } : {}),
  };
}

/**
 * The problems of each `x-lightfield-members` of the document, as JSON pointers and messages: its
 * shape, an `objectType` that is a resource of the spec, and a path parameter naming the record.
 */
export function checkMembers(doc: Json): Problem[] {
  const all = operations(doc);
  const resources = new Set(all.map((o) => o.resource));
  return all
    .filter(({ op }) => op[MEMBERS] !== undefined)
    .flatMap((self) => {
      let problems = shapeProblems(self.op[MEMBERS]);
      const members = readMembers(self.op);
      if (members && !resources.has(members.objectType))
        problems = [
          {
            pointer: 'objectType',
            message: `no resource is named \`${members.objectType}\` (the spec has ${[...resources].join(', ')})`,
          },
        ];
      if (members && !/\{[^}]+\}/.test(self.route))
        problems.push({
          pointer: '',
          message: `${self.route} has no path parameter naming the record`,
        });
      return problems.map(({ pointer, message }) => ({
        pointer: `${self.at}/${MEMBERS}${pointer ? `/${pointer}` : ''}`,
        message: `${MEMBERS}: ${message}`,
      }));
    });
}
