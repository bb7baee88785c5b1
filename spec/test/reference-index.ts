import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** `spec/reference-index.yaml`: what the reference page documents, under wire names. */
export interface ReferenceIndex {
  page: string;
  wireNames: Record<string, string>;
  methods: { operationId: string; http: string; route: string; returns: string }[];
  models: Record<
    string,
    {
      properties: string[];
      enums: Record<string, string[]>;
      constraints?: Record<string, Record<string, number>>;
    }
  >;
}

/** Reads the index. */
export function readIndex(file: string): ReferenceIndex {
  return parse(readFileSync(file, 'utf8')) as ReferenceIndex;
}

/** What the reference page documents, read from its text as the page shows it. */
export interface PageFacts {
  methods: { operationId: string; http: string; route: string; returns: string }[];
  /** Python property names by class, in page order. */
  properties: Map<string, string[]>;
  /** Enum values by class and Python property name (`Class.property`). */
  enums: Map<string, string[]>;
}

/** Parses the reference page: method signatures, routes, classes, properties and enum values. */
export function parsePage(text: string): PageFacts {
  const facts: PageFacts = { methods: [], properties: new Map(), enums: new Map() };
  let currentClass: string | undefined;
  let currentProperty: string | undefined;
  let pending: { operationId: string; returns: string } | undefined;
  for (const line of text.split('\n').map((l) => l.trim())) {
    const method = /^([a-z_]+\.[a-z_]+)\(.*\)\s*->\s*(\w+)$/.exec(line);
    if (method?.[1] && method[2]) {
      pending = { operationId: method[1], returns: method[2] };
      continue;
    }
    const route = /^(GET|POST|PUT|PATCH|DELETE)(\/\S+)$/.exec(line);
    if (route?.[1] && route[2] && pending) {
      facts.methods.push({ ...pending, http: route[1], route: route[2] });
      pending = undefined;
      continue;
    }
    const cls = /^class (\w+):$/.exec(line);
    if (cls?.[1]) {
      currentClass = cls[1];
      currentProperty = undefined;
      facts.properties.set(currentClass, []);
      continue;
    }
    if (!currentClass) continue;
    const property = /^([a-z_]+): \S/.exec(line);
    if (property?.[1]) {
      currentProperty = property[1];
      facts.properties.get(currentClass)?.push(currentProperty);
      continue;
    }
    const value = /^"([A-Za-z_]+)"$/.exec(line);
    if (value?.[1] && currentProperty) {
      const key = `${currentClass}.${currentProperty}`;
      facts.enums.set(key, [...(facts.enums.get(key) ?? []), value[1]]);
    }
  }
  return facts;
}
