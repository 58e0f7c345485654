import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { boomiSpacesApiRequest, getEndpoints } from '../transport';
import { findOperation } from './registry';

/**
 * The item n8n routes to the error output (or keeps on the main output with
 * Continue). n8n-core replaces the JSON of an item carrying `error` by
 * `{ error: message }`; status, code and description travel in the error.
 */
function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	return { json: { error: error.message }, error, pairedItem: { item: itemIndex } };
}

/** Any failure as a node error for that item (never a raw request error, which holds headers). */
function asNodeError(
	context: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(context.getNode(), error instanceof Error ? error.message : String(error), {
		itemIndex,
	});
}

/**
 * The item loop, in one place for every operation: one request per item, the
 * answer mapped by the operation, `pairedItem` set, and with Continue On Fail
 * (or the error output) exactly one error item per failed input.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const definition = findOperation(resource, operation);
	if (!definition) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" is not supported for resource "${resource}"`,
		);
	}

	const endpoints = await getEndpoints.call(this);
	const results: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const variables = definition.variables.call(this, itemIndex);
			const data = await boomiSpacesApiRequest.call(
				this,
				endpoints,
				definition.document,
				variables,
				itemIndex,
			);
			for (const json of definition.output(data[definition.document.field], variables)) {
				results.push({ json, pairedItem: { item: itemIndex } });
			}
		} catch (caught) {
			const error = asNodeError(this, caught, itemIndex);
			if (!this.continueOnFail()) throw error;
			results.push(errorItem(error, itemIndex));
		}
	}
	return [results];
}
