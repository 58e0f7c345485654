import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * One named GraphQL operation. The document is a constant: user input only
 * ever travels in `variables` (a test parses and validates every document
 * against the schema).
 */
export interface GraphQLDocument {
	/** PascalCase, unique across the node; sent as `operationName`. */
	operationName: string;
	/** The top-level field the document selects; its value is the operation's result. */
	field: string;
	query: string;
}

/**
 * The contract every `<verb>.operation.ts` fulfils. The router owns the item
 * loop, requests, errors and `pairedItem`; an operation only says what to send
 * for an item and what to output for the answer, so pacing, batching and
 * continue-on-fail stay in one place.
 */
export interface OperationDefinition {
	document: GraphQLDocument;
	/** The operation's own parameters; the resource index adds `displayOptions`. */
	properties: INodeProperties[];
	/**
	 * Reads and checks the item's parameters and returns the GraphQL variables.
	 * Throws `NodeOperationError` (with `itemIndex`) for bad input, before any request.
	 */
	variables(this: IExecuteFunctions, itemIndex: number): IDataObject;
	/**
	 * Item settings that shape the output but are not sent (Return All / Limit,
	 * client-side filters: Boomi's list queries take no such arguments). Checked
	 * like `variables()`, before any request.
	 */
	settings?(this: IExecuteFunctions, itemIndex: number): IDataObject;
	/** Maps the field's data to output JSON objects for that item. */
	output(data: unknown, variables: IDataObject, settings: IDataObject): IDataObject[];
}
