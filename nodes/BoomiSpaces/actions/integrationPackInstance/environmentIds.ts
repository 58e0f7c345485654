import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { environmentLocator, locatorValue, requireId } from '../resourceLocator';

/**
 * The "Environments" collection (`environmentIds`) of Attach and Get
 * Extensions: one environment locator per entry; an expression in an entry
 * may give several IDs, as an array or comma-separated text.
 */
export function environmentIdsCollection({
	description,
	entryDescription,
	required,
}: {
	description: string;
	entryDescription: string;
	required: boolean;
}): INodeProperties {
	return {
		displayName: 'Environments',
		name: 'environmentIds',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Environment',
		...(required ? { required: true } : {}),
		description,
		options: [
			{
				displayName: 'Environment',
				name: 'environment',
				values: [environmentLocator('environmentId', entryDescription, { required: false })],
			},
		],
	};
}

/**
 * The environment IDs of an item's "Environments" collection, in order,
 * without repeats (possibly none). `fix` is the error's advice for an empty entry.
 */
export function readEnvironmentIds(this: IExecuteFunctions, itemIndex: number, fix: string): string[] {
	const collection = this.getNodeParameter('environmentIds', itemIndex, {}) as unknown;
	const entries = (collection && typeof collection === 'object' ? (collection as IDataObject).environment : undefined) ?? [];
	const ids: string[] = [];
	const add = (value: unknown) => {
		if (Array.isArray(value)) return value.forEach(add);
		if (typeof value === 'string' && value.includes(',')) {
			// Empty parts (a trailing comma) are skipped; each id is trimmed of the spaces around it.
			return value
				.split(',')
				.map((part) => part.trim())
				.filter((part) => part !== '')
				.forEach(add);
		}
		const id = requireId.call(this, value, itemIndex, { label: 'Environment ID', fix });
		if (!ids.includes(id)) ids.push(id);
	};
	for (const entry of Array.isArray(entries) ? entries : [entries]) {
		add(locatorValue(entry && typeof entry === 'object' ? (entry as IDataObject).environmentId : entry));
	}
	return ids;
}
