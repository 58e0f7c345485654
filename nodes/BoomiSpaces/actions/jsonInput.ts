import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeValue } from './resourceLocator';

/**
 * Boomi carries several JSON documents inside GraphQL Strings (extensions,
 * oauthConnectorDetails, processSchedules, and answers such as
 * environmentExtensions). Inputs: a JSON field gives an object, or JSON text;
 * either is checked before any request and sent as `JSON.stringify` text in a
 * variable. Outputs: JSON text is parsed; text that does not parse is kept as
 * it came and named in the item's `unparsedFields`, never an error.
 */

/** A JSON field of an item as an object: an object as is, or JSON text holding an object. */
export function readJsonObject(
	this: IExecuteFunctions,
	name: string,
	itemIndex: number,
	{ label, fix }: { label: string; fix: string },
): IDataObject {
	const raw = this.getNodeParameter(name, itemIndex, '') as unknown;
	let value: unknown = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') {
			throw new NodeOperationError(this.getNode(), `${label} is empty`, {
				itemIndex,
				description: `Item ${itemIndex}: "${label}" needs a JSON object. ${fix}`,
			});
		}
		try {
			value = JSON.parse(raw);
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			throw new NodeOperationError(this.getNode(), `${label} is not valid JSON`, {
				itemIndex,
				description: `Item ${itemIndex}: "${label}" does not parse as JSON (${reason}). ${fix}`,
			});
		}
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw new NodeOperationError(this.getNode(), `${label} must be a JSON object`, {
			itemIndex,
			description: `Item ${itemIndex}: "${label}" is ${describeValue(value)}, not a JSON object ({ … }). ${fix}`,
		});
	}
	return value as IDataObject;
}

/** JSON text from Boomi as a value, or `undefined` when it does not parse (the caller keeps the text). */
export function parseJsonText(text: unknown): unknown {
	if (typeof text !== 'string') return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/**
 * JSON text from Boomi holding a document (an object or an array), or
 * `undefined` when it does not parse or holds a bare value (text, number, null).
 */
export function parseJsonDocument(text: unknown): unknown {
	const parsed = parseJsonText(text);
	return parsed !== null && typeof parsed === 'object' ? parsed : undefined;
}

/**
 * Parses `json[key]` in place when it is JSON text; keeps text that does not
 * parse and adds `key` to `unparsed`. Absent or null values stay as they are.
 */
export function parseJsonField(json: IDataObject, key: string, unparsed: string[]): void {
	const value = json[key];
	if (typeof value !== 'string') return;
	const parsed = parseJsonText(value);
	if (parsed === undefined) unparsed.push(key);
	else json[key] = parsed as IDataObject;
}
