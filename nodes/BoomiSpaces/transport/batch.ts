import type { GraphQLDocument } from './types';

/**
 * Several items in one request: the operation's field repeated under aliases
 * `i0, i1, …`, each with its own variables `$<name>0, $<name>1, …`. Derived from
 * the operation's constant document by renaming, so user input still only
 * travels in variables (a test validates every batched form against the schema).
 * Mutation fields execute serially (GraphQL spec), so item order is kept.
 */
export interface BatchDocument {
	operationName: string;
	query: string;
	size: number;
}

const HEADER = /^\s*(query|mutation)\s+([A-Za-z_]\w*)\s*(?:\(([^)]*)\))?\s*\{([\s\S]*)\}\s*$/;

export const aliasOf = (index: number) => `i${index}`;

export const batchVariableName = (name: string, index: number) => `${name}${index}`;

function parseDocument(document: GraphQLDocument) {
	const match = HEADER.exec(document.query);
	if (!match) throw new Error(`Cannot batch GraphQL document ${document.operationName}`);
	const [, operationType, , variableDefinitions = '', body] = match;
	return { operationType, variableDefinitions: variableDefinitions.trim(), body: body.trim() };
}

const cache = new WeakMap<GraphQLDocument, Map<number, BatchDocument>>();

export function batchDocument(document: GraphQLDocument, size: number): BatchDocument {
	let bySize = cache.get(document);
	if (!bySize) {
		bySize = new Map();
		cache.set(document, bySize);
	}
	const cached = bySize.get(size);
	if (cached) return cached;

	const { operationType, variableDefinitions, body } = parseDocument(document);
	const rename = (text: string, index: number) =>
		text.replace(/\$([A-Za-z_]\w*)/g, (_match, name: string) => `$${batchVariableName(name, index)}`);
	const definitions: string[] = [];
	const fields: string[] = [];
	for (let index = 0; index < size; index++) {
		if (variableDefinitions) definitions.push(rename(variableDefinitions, index));
		fields.push(`  ${aliasOf(index)}: ${rename(body, index).replace(/\n/g, '\n  ')}`);
	}
	const operationName = `${document.operationName}Batch`;
	const header = definitions.length > 0 ? `${operationName}(${definitions.join(', ')})` : operationName;
	const batch = { operationName, size, query: `${operationType} ${header} {\n${fields.join('\n')}\n}` };
	bySize.set(size, batch);
	return batch;
}

export function isMutation(document: GraphQLDocument): boolean {
	return parseDocument(document).operationType === 'mutation';
}
