import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { readFileSync } from 'fs';
import { buildSchema, isInputObjectType, Kind, parse } from 'graphql';
import type { OperationDefinitionNode, TypeNode } from 'graphql';
import path from 'path';

import { BoomiSpaces } from '../../nodes/BoomiSpaces/BoomiSpaces.node';
import { resources } from '../../nodes/BoomiSpaces/actions/registry';
import { displayParameterPath } from 'n8n-workflow';

import { DEFAULT_SAFE_RUN_OPTIONS, JUDGES } from '../../nodes/BoomiSpaces/actions/evidence';
import { DEFAULT_RUN_OPTIONS, SAFE_RUN_OPERATIONS } from '../../nodes/BoomiSpaces/actions/runOptions';

const description = new BoomiSpaces().description;
const schema = buildSchema(readFileSync(path.join(__dirname, '../simulator/schema.graphql'), 'utf8'));
const namedTypeOf = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeOf(type.type));
const property = (name: string) => description.properties.filter((entry) => entry.name === name);
const optionValues = (entry: INodeProperties) =>
	(entry.options as INodePropertyOptions[]).map((option) => option.value);

describe('node description', () => {
	it('is the programmatic Boomi Spaces node, usable as an AI tool', () => {
		expect(description.name).toBe('boomiSpaces');
		expect(description.displayName).toBe('Boomi Spaces');
		expect(description.version).toBe(1);
		expect(description.usableAsTool).toBe(true);
		// Display names on the canvas, not raw values ("unattach: integrationPackInstance").
		expect(description.subtitle).toContain('"integrationPackInstance.unattach":"Unattach From Environment: Integration Pack Instance"');
		expect(description.credentials).toEqual([{ name: 'boomiSpacesApi', required: true }]);
		expect(description).not.toHaveProperty('requestDefaults');
	});

	it('lists every resource of the registry, and nothing else', () => {
		const [resource] = property('resource');
		expect(optionValues(resource).sort()).toEqual(Object.keys(resources).sort());
		expect(optionValues(resource)).toContain(resource.default);
	});

	it.each(Object.entries(resources))('resource %s: every operation option is executable and vice versa', (resource, entry) => {
		const selector = property('operation').find((candidate) =>
			candidate.displayOptions?.show?.resource?.includes(resource),
		)!;
		expect(optionValues(selector).sort()).toEqual(Object.keys(entry.operations).sort());
		expect(optionValues(selector)).toContain(selector.default);
		for (const option of selector.options as INodePropertyOptions[]) {
			expect(option.action).toMatch(/^[A-Z][a-z]/);
			expect(option.description).toBeTruthy();
		}
	});

	it('every option default is one of its options, every field is described and scoped', () => {
		for (const entry of description.properties) {
			if (entry.type === 'options') expect(optionValues(entry)).toContain(entry.default);
			if (['resource', 'operation', 'options'].includes(entry.name)) continue;
			expect(entry.description).toBeTruthy();
			expect(entry.displayOptions?.show?.resource).toHaveLength(1);
			expect(entry.displayOptions?.show?.operation).toHaveLength(1);
		}
	});

	it('offers the run options on every operation, defaults matching the router', () => {
		const [options] = property('options');
		expect(options.type).toBe('collection');
		expect(options.displayOptions).toBeUndefined();
		const defaults = Object.fromEntries(
			(options.options as INodeProperties[]).map((option) => [option.name, option.default]),
		);
		expect(defaults).toEqual({ ...DEFAULT_RUN_OPTIONS, ...DEFAULT_SAFE_RUN_OPTIONS });
		for (const option of options.options as INodeProperties[]) expect(option.description).toBeTruthy();
	});

	it('shows Dry Run and Succeed If Already Done only on the operations that have a judge', () => {
		const [options] = property('options');
		expect(SAFE_RUN_OPERATIONS.map((operation) => `integrationPackInstance.${operation}`).sort()).toEqual(Object.keys(JUDGES).sort());
		// n8n's own display rule, called as the editor's collection parameter calls it for its options ('/name' reads the node's root parameters).
		const shownOn = (name: string) =>
			Object.entries(resources).flatMap(([resource, { operations }]) =>
				Object.keys(operations).filter((operation) => {
					const option = (options.options as INodeProperties[]).find((entry) => entry.name === name)!;
					return displayParameterPath({ parameters: { resource, operation, options: {} } }, option, 'parameters.options', null, null);
				}).map((operation) => `${resource}.${operation}`),
			);
		expect(shownOn('dryRun').sort()).toEqual(Object.keys(JUDGES).sort());
		expect(shownOn('succeedIfAlreadyDone').sort()).toEqual(Object.keys(JUDGES).sort());
		expect(shownOn('batchSize')).toHaveLength(Object.values(resources).flatMap(({ operations }) => Object.keys(operations)).length);
	});

	it('parameter names equal GraphQL variable names (or fields of an input-object variable) of their operation', () => {
		// Settings Boomi's list queries have no argument for, applied by the node to the answer.
		// `partial` (Environment Extensions › Update) is a key the node writes into the `extensions` JSON.
		const clientSide = new Set(['returnAll', 'limit', 'filters', 'partial']);
		// Fields that, with the variable's own field, build a JSON-in-a-string variable (Boomi's
		// ProcessSchedules JSON: its Retry, and processId / atomId when the id cannot be read).
		const jsonParts: Record<string, string[]> = { UpdateProcessSchedules: ['retry', 'maxRetry', 'additionalFields'] };
		for (const { operations } of Object.values(resources)) {
			for (const definition of Object.values(operations)) {
				const names = new Set<string>();
				const operation = parse(definition.document.query).definitions[0] as OperationDefinitionNode;
				for (const variable of operation.variableDefinitions ?? []) {
					names.add(variable.variable.name.value);
					const type = schema.getType(namedTypeOf(variable.type));
					if (isInputObjectType(type)) Object.keys(type.getFields()).forEach((field) => names.add(field));
				}
				for (const field of definition.properties) {
					if (clientSide.has(field.name)) continue;
					if (jsonParts[definition.document.operationName]?.includes(field.name)) continue;
					// The instance id travels as `$id` where Boomi's field names its argument `id`.
					const variableName = field.name === 'integrationPackInstanceId' && names.has('id') ? 'id' : field.name;
					expect([definition.document.operationName, names.has(variableName)]).toEqual([
						definition.document.operationName,
						true,
					]);
				}
			}
		}
	});

	it('the Unattach id field is a resource locator that says which ids it takes', () => {
		const field = property('integrationPackInstanceId').find((entry) =>
			entry.displayOptions?.show?.operation?.includes('unattach'),
		)!;
		expect(field.type).toBe('resourceLocator');
		expect(field.required).toBe(true);
		// Opens in From List (n8n's guideline for resource locators); By ID takes both id kinds.
		expect(field.default).toEqual({ mode: 'list', value: '' });
		expect(field.modes?.map((mode) => mode.name)).toEqual(['list', 'id']);
		expect(field.displayName).toBe('Attachment');
		expect(field.description).toMatch(/attachment ID/);
		expect(field.description).toMatch(/instance ID/);
		expect(field.description!.length).toBeLessThan(200);
	});

	it('the codex names this node', () => {
		const codex = JSON.parse(readFileSync(path.join(__dirname, '../../nodes/BoomiSpaces/BoomiSpaces.node.json'), 'utf8'));
		expect(codex.node).toBe('n8n-nodes-boomi-spaces.boomiSpaces');
	});
});

describe('names on the canvas', () => {
	// n8n names a node added from the node creator after its action, and the
	// canvas cuts what does not fit (~40 characters).
	it.each(
		Object.values(resources).flatMap(({ operationProperty }) =>
			(operationProperty.options as INodePropertyOptions[]).map((option) => [option.action, option]),
		),
	)('"%s" is short enough to read on the canvas', (action) => {
		expect(String(action).length).toBeLessThanOrEqual(40);
	});
});
