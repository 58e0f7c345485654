import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Boomi's list queries (`integrationPackInstances`, `environments`) take no
 * paging or filter arguments, so Return All / Limit and the filters of the
 * Get Many operations are item settings (the operation's `settings()`),
 * applied to the answer in `output()` and never sent.
 */
export interface ListSettings extends IDataObject {
	/** `undefined` = return everything. */
	limit?: number;
	/** Further settings of one operation (e.g. a classification filter). */
	filters: IDataObject;
}

/** Return All + Limit, as n8n's Get Many operations name and describe them. */
export const returnAllAndLimitProperties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** Reads and checks Return All / Limit of an item; throws for values an expression got wrong. */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as unknown;
	if (returnAll === true || returnAll === 'true') return undefined;
	if (returnAll !== false && returnAll !== 'false') {
		throw new NodeOperationError(this.getNode(), 'Return All must be true or false', {
			itemIndex,
			description: `Item ${itemIndex}: "Return All" is ${JSON.stringify(returnAll)}. Switch it on to get every result, or off and set "Limit".`,
		});
	}
	const raw = this.getNodeParameter('limit', itemIndex, 50) as unknown;
	const limit = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(this.getNode(), 'Limit must be a whole number of at least 1', {
			itemIndex,
			description: `Item ${itemIndex}: "Limit" is ${JSON.stringify(raw)}. Set it to how many results to return (e.g. 50), or switch on "Return All".`,
		});
	}
	return limit;
}

/** `settings()` of a list operation with Return All / Limit and no other setting. */
export function limitSettings(this: IExecuteFunctions, itemIndex: number): IDataObject {
	return { limit: readLimit.call(this, itemIndex) };
}

/** The settings an operation's `output()` received (defaults: everything, no filter). */
export function listSettingsOf(settings: IDataObject): ListSettings {
	return { filters: {}, ...settings } as ListSettings;
}

/**
 * A GraphQL list as an array: `null` (Boomi's "nothing") is empty, and a lone
 * object is taken as a one-element list (the schema is partly inferred).
 */
export function asList(data: unknown): IDataObject[] {
	if (data === null || data === undefined) return [];
	const list = Array.isArray(data) ? data : [data];
	return list.filter((entry): entry is IDataObject => entry !== null && typeof entry === 'object');
}

export function applyLimit<T>(list: T[], settings: ListSettings): T[] {
	return settings.limit === undefined ? list : list.slice(0, settings.limit);
}
