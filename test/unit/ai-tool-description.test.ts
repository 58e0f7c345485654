// What an AI agent (and a person picking an operation) reads of this node.
// n8n's tool wrapper describes a tool node by its operation's `action`
// ("<action> in Boomi Spaces", NodeHelpers.getToolDescriptionForNode with the
// default "Set Automatically"), and the fields' descriptions are what the
// editor shows next to each "let the model define this parameter" input.
// test/engine/ai-tool.test.js runs the node through n8n-core's tool wrapper.
import type { INode, INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { BoomiSpaces } from '../../nodes/BoomiSpaces/BoomiSpaces.node';
import { resourceProperty, resources } from '../../nodes/BoomiSpaces/actions/registry';

const nodeType = new BoomiSpaces();
const { description } = nodeType;

const operationOptions = Object.keys(resources).flatMap((resource) => {
	const selector = description.properties.find(
		(entry) => entry.name === 'operation' && entry.displayOptions?.show?.resource?.includes(resource),
	)!;
	return (selector.options as INodePropertyOptions[]).map((option) => ({ resource, option }));
});

/** Every field a user or agent can fill, nested ones included, with its path. */
function allFields(properties: INodeProperties[], path = ''): Array<[string, INodeProperties]> {
	return properties.flatMap((property): Array<[string, INodeProperties]> => {
		const here = `${path}${property.name}`;
		const nested = (property.options ?? []).flatMap((option) => {
			if ('values' in option) return allFields((option as INodePropertyCollection).values, `${here}.${option.name}.`);
			if ('type' in option) return allFields([option as INodeProperties], `${here}.`);
			return [];
		});
		return [[here, property], ...nested];
	});
}

const resourceName = (resource: string) =>
	String((resourceProperty.options as INodePropertyOptions[]).find((option) => option.value === resource)?.name);
/** Lowercased words without a plural s, for "mentions" checks. */
const words = (text: string) => text.toLowerCase().split(/[^a-z]+/).filter(Boolean).map((word) => word.replace(/s$/, ''));

const operationFields = Object.entries(resources).flatMap(([resource, { operations }]) =>
	Object.entries(operations).flatMap(([operation, definition]) =>
		allFields(definition.properties).map(([path, field]) => [`${resource}.${operation}: ${path}`, field] as const),
	),
);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const toolNode = (resource: string, operation: string): INode => ({
	id: 'tool',
	name: 'Boomi Spaces',
	type: 'n8n-nodes-boomi-spaces.boomiSpacesTool',
	typeVersion: 1,
	position: [0, 0],
	parameters: { resource, operation, descriptionType: 'auto' },
});

describe('descriptions an AI agent reads', () => {
	it('the node stays usable as a tool', () => {
		expect(description.usableAsTool).toBe(true);
		expect(description.description).toMatch(/Boomi Space/);
	});

	it.each(operationOptions.map(({ resource, option }) => [`${resource}.${option.value}`, resource, option]))(
		'%s: action and description say what it does and which Boomi field it calls',
		(_label, resource, option) => {
			const { action, description: text } = option as INodePropertyOptions;
			const definition = resources[resource as keyof typeof resources].operations[
				(option as INodePropertyOptions).value as never
			] as { document: { field: string } };
			// Derived from the registry, so any new verb passes: sentence case (acronyms
			// aside), opening with the first word of the operation's display name (the
			// verb the user picked), and naming what it acts on (a word of its resource).
			expect(action).toMatch(/^[A-Z][a-z]+( ([a-z]+|[A-Z]{2,}))+$/);
			expect(action!.split(' ')[0]).toBe(String((option as INodePropertyOptions).name).split(' ')[0]);
			const resourceWords = words(resourceName(resource as string));
			expect([action, resourceWords.filter((word) => words(action!).includes(word)).length > 0]).toEqual([action, true]);
			expect(text!.length).toBeGreaterThan(60);
			expect(text).toContain(definition.document.field);
			// The description n8n generates for the tool when "Set Automatically" is chosen.
			expect(
				NodeHelpers.getToolDescriptionForNode(toolNode(resource as string, String((option as INodePropertyOptions).value)), nodeType as INodeType),
			).toBe(`${action} in Boomi Spaces`);
		},
	);

	it('every tool description is distinct, so an agent can tell the operations apart', () => {
		const texts = operationOptions.map(({ option }) => option.action);
		expect(new Set(texts).size).toBe(texts.length);
	});

	it.each(operationFields)('%s: described beyond its label', (_label, field) => {
		if (field.type === 'collection' || field.type === 'fixedCollection') {
			expect(field.placeholder).toBeTruthy();
		}
		expect(field.description).toBeTruthy();
		expect(field.description!.length).toBeGreaterThan(25);
		expect(field.description!.toLowerCase()).not.toBe(field.displayName.toLowerCase());
	});

	// Where an ID comes from: an operation of the node (by its display name or its verb), or "returned" / "list".
	const operationNames = operationOptions.flatMap(({ option }) => [option.name, option.name.split(' ')[0]]);
	const WHERE_IDS_COME_FROM = new RegExp([...operationNames.map(escapeRegExp), 'returned', 'list'].join('|'), 'i');

	it('every ID field says which ID it takes and where to get it', () => {
		for (const [label, field] of operationFields) {
			if (!/Id$|Ids$/.test(field.name)) continue;
			expect([label, field.description]).toEqual([label, expect.stringMatching(/\bID\b/)]);
			expect([label, field.description]).toEqual([label, expect.stringMatching(WHERE_IDS_COME_FROM)]);
		}
	});

	it('every resource locator keeps an ID mode (what $fromAI fills) and lists from an existing listSearch method', () => {
		const locators = operationFields.filter(([, field]) => field.type === 'resourceLocator');
		expect(locators.length).toBeGreaterThanOrEqual(4);
		for (const [label, field] of locators) {
			const modes = field.modes ?? [];
			expect([label, modes.map((mode) => mode.name).sort()]).toEqual([label, ['id', 'list']]);
			const method = modes.find((mode) => mode.name === 'list')!.typeOptions?.searchListMethod;
			expect([label, typeof nodeType.methods.listSearch[method as keyof typeof nodeType.methods.listSearch]]).toEqual([
				label,
				'function',
			]);
		}
	});
});
