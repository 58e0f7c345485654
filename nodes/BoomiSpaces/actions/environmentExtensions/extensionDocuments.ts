import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseJsonText } from '../jsonInput';
import { describeValue } from '../resourceLocator';

/**
 * What Update and Update Map Extension share: Boomi's `ExtensionInput`
 * (`extensions` JSON text, `envExtensionId`) and its answer, a list of the
 * updated documents as JSON texts.
 */

/** The ID to send: the field's, else the document's own `id` (Boomi's samples: the two are the same ID). */
export function envExtensionIdFor(
	this: IExecuteFunctions,
	itemIndex: number,
	extensions: IDataObject,
	{ label, fix }: { label: string; fix: string },
): string {
	const raw = this.getNodeParameter('envExtensionId', itemIndex, '') as unknown;
	if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
	if (typeof raw === 'string' && raw.trim() !== '') return raw;
	if (raw !== undefined && raw !== null && typeof raw !== 'string') {
		throw new NodeOperationError(this.getNode(), `The ${label} must be text`, {
			itemIndex,
			description: `Item ${itemIndex}: "${label}" is ${describeValue(raw)}. ${fix}`,
		});
	}
	if (typeof extensions.id === 'string' && extensions.id.trim() !== '') return extensions.id;
	throw new NodeOperationError(this.getNode(), `The ${label} is empty and the JSON has no "id"`, {
		itemIndex,
		description: `Item ${itemIndex}: ${fix}`,
	});
}

/**
 * The updated documents of Boomi's answer, one output item each, parsed:
 * `{ envExtensionId, <documentKey>: {…} }` plus `pick`ed fields of the document.
 * A text that does not parse is kept as it came and named in `unparsedFields`.
 * An empty answer without an error says nothing about the update: an error.
 */
export function updatedDocuments(data: unknown, vars: IDataObject, documentKey: string, pick: string[], what: string): IDataObject[] {
	const texts = Array.isArray(data) ? data : data === null || data === undefined ? [] : [data];
	if (texts.length === 0) {
		throw new Error(`Boomi answered the ${what} without any updated document (no GraphQL error either)`);
	}
	return texts.map((text) => {
		const parsed = typeof text === 'string' ? parseJsonText(text) : text;
		const document = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as IDataObject) : undefined;
		const json: IDataObject = { envExtensionId: document?.id ?? vars.envExtensionId ?? null };
		for (const key of pick) json[key] = document?.[key] ?? null;
		json[documentKey] = (document ?? text ?? null) as IDataObject;
		if (!document) json.unparsedFields = [documentKey];
		return json;
	});
}
