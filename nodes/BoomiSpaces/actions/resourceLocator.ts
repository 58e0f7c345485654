import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A resource locator's value (or a plain value from older JSON or a parameter path). */
export function locatorValue(raw: unknown): unknown {
	if (raw && typeof raw === 'object' && !Array.isArray(raw) && '__rl' in raw) {
		return (raw as { value?: unknown }).value;
	}
	if (raw && typeof raw === 'object' && !Array.isArray(raw) && 'mode' in raw && 'value' in raw) {
		return (raw as { value?: unknown }).value;
	}
	return raw;
}

/** What an expression produced, in words, for error messages. */
export function describeValue(value: unknown): string {
	if (value === undefined || value === null) return 'nothing';
	if (typeof value === 'string') return value.trim() === '' ? 'an empty text' : JSON.stringify(value);
	if (Array.isArray(value)) return 'an array';
	return `a ${typeof value}`;
}

/**
 * Checks one Boomi id of an item: text (a finite number is turned into text),
 * not empty. Returned unchanged otherwise: Boomi ids are opaque and compared
 * byte for byte.
 */
export function requireId(
	this: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	{ label, fix }: { label: string; fix: string },
): string {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'string' && value.trim() !== '') return value;
	const problem =
		value === undefined || value === null || typeof value === 'string'
			? 'is empty'
			: `must be text, but the expression gave ${describeValue(value)}`;
	throw new NodeOperationError(this.getNode(), `The ${label} ${problem}`, {
		itemIndex,
		description: `Item ${itemIndex}: ${fix} If it comes from an expression, check that the field it reads exists on this item and holds the ID as text.`,
	});
}

/**
 * The "Integration Pack Instance" field of the operations that take an
 * installed instance: a resource locator (From List / By ID) named like the
 * field Boomi's Attach input calls it. `description` says what the operation
 * does with it.
 */
export function integrationPackInstanceLocator(description: string): INodeProperties {
	return {
		displayName: 'Integration Pack Instance',
		name: 'integrationPackInstanceId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an installed integration pack instance...',
				typeOptions: { searchListMethod: 'searchIntegrationPackInstances', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. SW50ZWdyYXRpb25QYWNrSW5zdGFuY2UzNDQ4Ng',
			},
		],
	};
}
