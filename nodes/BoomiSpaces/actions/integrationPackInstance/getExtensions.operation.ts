import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseJsonText } from '../jsonInput';
import { applyLimit, asList, limitSettings, listSettingsOf, returnAllAndLimitProperties } from '../listResults';
import { integrationPackInstanceLocator, readLocatorId } from '../resourceLocator';
import { environmentIdsCollection, readEnvironmentIds } from './environmentIds';
import type { GraphQLDocument, OperationDefinition } from '../types';

/**
 * Boomi's `integrationPackEnvironmentAttachments(ipackInstanceId, environmentIds)`:
 * one attachment per environment, with its EnvironmentExtensions document
 * (`environmentExtensions`, JSON text) and its map extensions
 * (`environmentMapExtension`, a list of JSON texts: Platform API BulkResult
 * documents, and empty strings for maps without an extension). `id` and
 * `environmentId` are fields of the same attachment type the page does not
 * select; the environment also comes from the extensions document when they
 * are null [inferred].
 */
export const document: GraphQLDocument = {
	operationName: 'GetIntegrationPackInstanceExtensions',
	field: 'integrationPackEnvironmentAttachments',
	query: /* GraphQL */ `query GetIntegrationPackInstanceExtensions($integrationPackInstanceId: String!, $environmentIds: [String!]) {
  integrationPackEnvironmentAttachments(ipackInstanceId: $integrationPackInstanceId, environmentIds: $environmentIds) {
    id
    environmentId
    integrationPackInstanceId
    environmentExtensions
    environmentMapExtension
  }
}`,
};

export const properties: INodeProperties[] = [
	integrationPackInstanceLocator(
		'The installed integration pack instance whose extensions to get, as returned by Install or Get Many (the ID in their output). Sent to Boomi unchanged.',
	),
	environmentIdsCollection({
		required: false,
		description:
			'Only the extensions in these environments. Leave empty for every environment the instance is attached to (the node then leaves out environmentIds, which Boomi\'s page marks Required but types as optional; assumed to mean every environment). Each entry takes one environment ID; an expression in an entry may also give several, as an array or as comma-separated text. Get Many on Environment lists the environment IDs.',
		entryDescription:
			'An environment the instance is attached to: its ID (a UUID), as listed by Get Many on Environment. Sent to Boomi unchanged.',
	}),
	...returnAllAndLimitProperties,
];

/** The environment filter of an item, in order, without repeats; `null` (every environment) when empty. */
function readEnvironmentFilter(this: IExecuteFunctions, itemIndex: number): string[] | null {
	const ids = readEnvironmentIds.call(
		this,
		itemIndex,
		'every entry under "Environments" needs an environment ID (Get Many on Environment lists them); remove the empty entry, or every entry to get all environments.',
	);
	return ids.length > 0 ? ids : null;
}

export function variables(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const integrationPackInstanceId = readLocatorId.call(this, 'integrationPackInstanceId', itemIndex, {
		label: 'Integration Pack Instance ID',
		fix: 'set "Integration Pack Instance" to the ID of the installed instance whose extensions to get.',
	});
	const environmentIds = readEnvironmentFilter.call(this, itemIndex);
	// No filter: the argument is left out (not sent as null).
	return environmentIds ? { integrationPackInstanceId, environmentIds } : { integrationPackInstanceId };
}

export const settings = limitSettings;

const asObject = (value: unknown): IDataObject | undefined =>
	value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;

/**
 * The map extensions of one attachment: Boomi's empty strings (maps without an
 * extension) are dropped; each BulkResult is unwrapped to the
 * EnvironmentMapExtension documents it holds (a response without a `Result` is
 * kept as it came, so a failed bulk entry stays visible); text that does not
 * parse is kept as text and named in `unparsed`.
 */
export function mapExtensionsOf(texts: unknown, unparsed: string[]): unknown[] {
	const documents: unknown[] = [];
	(Array.isArray(texts) ? texts : texts === null || texts === undefined ? [] : [texts]).forEach((text, index) => {
		if (text === null || text === undefined || (typeof text === 'string' && text.trim() === '')) return;
		const parsed = typeof text === 'string' ? parseJsonText(text) : text;
		const bulk = asObject(parsed);
		if (!bulk) {
			documents.push(text);
			unparsed.push(`environmentMapExtension[${index}]`);
			return;
		}
		if (bulk['@type'] === 'BulkResult' || Array.isArray(bulk.response)) {
			for (const response of asList(bulk.response)) documents.push(asObject(response.Result) ?? response);
			return;
		}
		documents.push(bulk);
	});
	return documents;
}

/**
 * One item per environment attachment: `envExtensionId` (the ID Environment
 * Extensions › Update takes), the parsed `environmentExtensions`, and
 * `environmentMapExtensions` with their IDs in `mapExtensionIds` (what Update
 * Map Extension takes).
 */
export function normalizeAttachment(attachment: IDataObject, vars: IDataObject): IDataObject {
	const unparsed: string[] = [];
	let environmentExtensions: unknown = attachment.environmentExtensions ?? null;
	if (typeof environmentExtensions === 'string') {
		const parsed = parseJsonText(environmentExtensions);
		if (parsed === undefined) unparsed.push('environmentExtensions');
		else environmentExtensions = parsed;
	}
	const extensions = asObject(environmentExtensions);
	const environmentMapExtensions = mapExtensionsOf(attachment.environmentMapExtension, unparsed);
	const json: IDataObject = {
		integrationPackInstanceId: attachment.integrationPackInstanceId ?? vars.integrationPackInstanceId ?? null,
		environmentId: attachment.environmentId ?? extensions?.environmentId ?? null,
		attachmentId: attachment.id ?? null,
		envExtensionId: extensions?.id ?? null,
		environmentExtensions: environmentExtensions as IDataObject | null,
		mapExtensionIds: environmentMapExtensions
			.map((extension) => asObject(extension)?.id)
			.filter((id): id is string => typeof id === 'string' && id !== ''),
		environmentMapExtensions: environmentMapExtensions as IDataObject[],
	};
	if (unparsed.length > 0) json.unparsedFields = unparsed;
	return json;
}

export function output(data: unknown, vars: IDataObject, itemSettings: IDataObject): IDataObject[] {
	return applyLimit(asList(data), listSettingsOf(itemSettings)).map((attachment) => normalizeAttachment(attachment, vars));
}

export const getExtensions = { document, properties, batch: true, variables, settings, output } satisfies OperationDefinition;
