import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { apiSchemaOf, dataClassOfDescription } from '@peacegraph/kit/composition';
import { AUDIENCES, schemaFilesOf } from '../src/contracts';

/** Every output field of a schema with the class its description states. */
function classes(schema: GraphQLSchema): Map<string, string | null> {
  const found = new Map<string, string | null>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) found.set(`${type.name}.${field.name}`, dataClassOfDescription(field.description));
  }
  return found;
}

const api = apiSchemaOf(fs.readFileSync(path.resolve(__dirname, '../../supergraph.graphql'), 'utf8'));
const files = schemaFilesOf(api);

describe("a field's class, read from the paragraph composition appends", () => {
  it.each([
    ['Cases of the area.\n\nData class PARTNER: signed-in partners only.', 'PARTNER'],
    ['Data class PUBLIC: as the author wrote it.\n\nData class SENSITIVE: only the owner.', 'SENSITIVE'],
    ['Data class PUBLIC: the author’s own words, and nothing appended.\n\nMore of them.', null],
    ['No class here.', null],
    [null, null],
  ])('%j → %s', (description, dataClass) => {
    expect(dataClassOfDescription(description)).toBe(dataClass);
  });
});

describe('contracts cut from the API schema by data class', () => {
  it.each(Object.entries(AUDIENCES))('the %s contract holds no field above its class, and is a valid schema', (audience, allowed) => {
    const contract = buildSchema(files[audience as keyof typeof files]);
    const fields = classes(contract);
    expect(fields.size).toBeGreaterThan(100);
    const above = [...fields].filter(([, dataClass]) => !(allowed as readonly string[]).includes(dataClass ?? ''));
    expect(above).toEqual([]);
  });

  it('keeps every field of its classes that something still reaches, and nothing unreachable', () => {
    const whole = classes(api);
    const partner = classes(buildSchema(files.partner));
    const publicFields = classes(buildSchema(files.public));
    // SENSITIVE fields are the only ones the partner contract drops outright.
    const sensitive = [...whole].filter(([, c]) => c === 'SENSITIVE').map(([name]) => name);
    expect(sensitive.length).toBeGreaterThan(20);
    expect(sensitive.filter((name) => partner.has(name))).toEqual([]);
    expect(publicFields.get('Query.adminAreas')).toBe('PUBLIC');
    expect(publicFields.get('AdminArea.name')).toBe('PUBLIC');
    expect(publicFields.has('AdminArea.conflictStats')).toBe(false);
    expect(buildSchema(files.public).getMutationType()).toBeUndefined();
    expect(partner.get('Query.conflictCases') ?? partner.get('Query.conflictCase')).toBe('PARTNER');
    // An input type only a dropped field took is gone with it.
    const publicSchema = buildSchema(files.public);
    const inputs = Object.values(publicSchema.getTypeMap())
      .filter((t) => isInputObjectType(t))
      .map((t) => t.name);
    expect(inputs.filter((name) => /^(Create|Update|Record|Report)/.test(name))).toEqual([]);
  });

  it('prints the whole API schema sorted, with every field described by its class', () => {
    const whole = classes(buildSchema(files.api));
    expect([...whole].filter(([, c]) => c === null)).toEqual([]);
    expect(files.api).toContain('Data class SENSITIVE: only the organisation that owns the record, with the scope conflicts:sensitive');
  });
});
