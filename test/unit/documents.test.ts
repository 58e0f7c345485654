import { readFileSync } from 'fs';
import { buildSchema, parse, validate, Kind } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import path from 'path';

import { processesDocument } from '../../nodes/BoomiSpaces/methods/processes';
import { atomsDocument, processSchedulesDocument } from '../../nodes/BoomiSpaces/methods/processSearch';
import { BoomiSpacesApi } from '../../credentials/BoomiSpacesApi.credentials';
import { resources } from '../../nodes/BoomiSpaces/actions/registry';
import type { GraphQLDocument } from '../../nodes/BoomiSpaces/actions/types';
import { batchDocument } from '../../nodes/BoomiSpaces/transport/batch';

const schema = buildSchema(readFileSync(path.join(__dirname, '../simulator/schema.graphql'), 'utf8'));

/** Every document the package can send: each operation's, and the credential test's. */
function allDocuments(): Array<[string, GraphQLDocument]> {
	const documents: Array<[string, GraphQLDocument]> = [];
	for (const [resource, { operations }] of Object.entries(resources)) {
		for (const [operation, definition] of Object.entries(operations)) {
			documents.push([`${resource}.${operation}`, definition.document]);
		}
	}
	documents.push(['picker: processes', processesDocument]);
	documents.push(['picker and trigger: atoms', atomsDocument]);
	documents.push(['picker: process schedules', processSchedulesDocument]);
	const testBody = new BoomiSpacesApi().test.request.body as { query: string; operationName: string };
	documents.push(['credential test', { ...testBody, field: 'integrationPackInstances' }]);
	return documents;
}

describe.each(allDocuments())('GraphQL document of %s', (_label, document) => {
	const ast = parse(document.query);
	const operations = ast.definitions.filter(
		(definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
	);

	it('parses and validates against the schema', () => {
		expect(validate(schema, ast)).toEqual([]);
	});

	it('holds exactly one operation, named as operationName', () => {
		expect(ast.definitions).toHaveLength(operations.length);
		expect(operations).toHaveLength(1);
		expect(operations[0].name?.value).toBe(document.operationName);
		expect(document.operationName).toMatch(/^[A-Z][A-Za-z]+$/);
	});

	it('selects its declared field', () => {
		const fields = operations[0].selectionSet.selections.map((selection) =>
			selection.kind === Kind.FIELD ? selection.name.value : undefined,
		);
		expect(fields).toEqual([document.field]);
	});

	it('carries no literal argument values: user input travels only as variables', () => {
		const literalKinds = new Set<string>([Kind.STRING, Kind.INT, Kind.FLOAT, Kind.BOOLEAN, Kind.ENUM, Kind.LIST, Kind.OBJECT]);
		const literals: string[] = [];
		const visit = (node: unknown): void => {
			if (!node || typeof node !== 'object') return;
			const { kind } = node as { kind?: string };
			if (kind === Kind.ARGUMENT) {
				// An input object written inline (as Boomi's pages write them, so an
				// inferred input type name never reaches Boomi) is fine when every
				// leaf is a variable.
				const check = (value: { kind: string; fields?: Array<{ value: { kind: string } }>; values?: Array<{ kind: string }> }): void => {
					if (value.kind === Kind.OBJECT) value.fields?.forEach((field) => check(field.value as typeof value));
					else if (value.kind === Kind.LIST) value.values?.forEach((entry) => check(entry as typeof value));
					else if (literalKinds.has(value.kind)) literals.push(value.kind);
				};
				check((node as { value: { kind: string } }).value);
			}
			for (const child of Object.values(node)) {
				if (Array.isArray(child)) child.forEach(visit);
				else if (child && typeof child === 'object' && 'kind' in child) visit(child);
			}
		};
		visit(ast);
		expect(literals).toEqual([]);
	});
});

it('operation names are unique across the node', () => {
	const names = allDocuments().map(([, document]) => document.operationName);
	expect(new Set(names).size).toBe(names.length);
});

describe.each(allDocuments().filter(([label]) => label !== 'credential test'))('batched form of %s', (_label, document) => {
	it.each([1, 2, 5])('with %i items parses, validates and aliases i0…', (size) => {
		const batch = batchDocument(document, size);
		const ast = parse(batch.query);
		expect(validate(schema, ast)).toEqual([]);
		const [operation] = ast.definitions as OperationDefinitionNode[];
		expect(operation.name?.value).toBe(`${document.operationName}Batch`);
		const aliases = operation.selectionSet.selections.map((selection) =>
			selection.kind === Kind.FIELD ? [selection.alias?.value, selection.name.value] : undefined,
		);
		expect(aliases).toEqual(Array.from({ length: size }, (_value, index) => [`i${index}`, document.field]));
		const single = parse(document.query).definitions[0] as OperationDefinitionNode;
		const variableNames = (operation.variableDefinitions ?? []).map((definition) => definition.variable.name.value);
		const expected = (single.variableDefinitions ?? []).flatMap((definition) =>
			Array.from({ length: size }, (_value, index) => `${definition.variable.name.value}${index}`),
		);
		expect(variableNames.sort()).toEqual(expected.sort());
	});
});

it('every Query and Mutation field of the schema is sent by some operation (the whole documented API)', () => {
	const sent = new Set(
		Object.values(resources).flatMap(({ operations }) =>
			Object.values(operations as Record<string, { document: GraphQLDocument }>).map(({ document }) => document.field),
		),
	);
	const fields = [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
		Object.values(type!.getFields())
			// `Space` is the deprecated spelling of `space` on one of Boomi's pages.
			.filter((field) => !field.deprecationReason)
			.map((field) => field.name),
	);
	expect(fields).toHaveLength(22);
	expect(fields.filter((field) => !sent.has(field))).toEqual([]);
});
