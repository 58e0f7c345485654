import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { GraphQLDocument } from '../transport/types';

export type { GraphQLDocument } from '../transport/types';

/**
 * The contract every `<verb>.operation.ts` fulfils, as one object whose every
 * member is required (declare it `satisfies OperationDefinition`): a forgotten
 * piece does not compile. The router owns the item loop, requests, errors and
 * `pairedItem`; an operation only says what to send for an item and what to
 * output for the answer, so pacing, retries and continue-on-fail stay in one place.
 */
export interface OperationDefinition {
	/** A named document whose variables carry all user input. */
	document: GraphQLDocument;
	/** The operation's own parameters; the registry adds `displayOptions`. */
	properties: INodeProperties[];
	/**
	 * Whether the router may send several items in one request as aliased
	 * fields (the Batch Size option). False for documents that cannot be
	 * aliased (file uploads) or where one item per request is the contract.
	 */
	batch: boolean;
	/**
	 * Reads and checks the item's parameters and returns the GraphQL variables.
	 * Throws `NodeOperationError` (with `itemIndex`) for bad input, before any request.
	 */
	variables(this: IExecuteFunctions, itemIndex: number): IDataObject;
	/**
	 * Item settings that shape the output but are not sent (Return All / Limit,
	 * client-side filters). Checked like `variables()`, before any request;
	 * `noSettings` when there are none.
	 */
	settings(this: IExecuteFunctions, itemIndex: number): IDataObject;
	/** Maps the field's data to output JSON objects for that item. */
	output(data: unknown, variables: IDataObject, settings: IDataObject): IDataObject[];
}

/** `settings()` of an operation whose output needs no item settings. */
export function noSettings(): IDataObject {
	return {};
}
