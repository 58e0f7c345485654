import type { IDataObject } from 'n8n-workflow';

/**
 * One named GraphQL operation. The document is a constant: user input only
 * ever travels in `variables` (a test parses and validates every document
 * against the schema).
 */
export interface GraphQLDocument {
	/** PascalCase, unique across the package; sent as `operationName`. */
	operationName: string;
	/** The top-level field the document selects; its value is the operation's result. */
	field: string;
	query: string;
}

/** The body POSTed to Boomi's GraphQL gateway. */
export interface GraphQLRequest {
	operationName: string;
	query: string;
	variables: IDataObject;
}

/** One entry of a GraphQL `errors` array, as far as we rely on it. */
export interface GraphQLError {
	message: string;
	code?: string;
	path?: Array<string | number>;
}

/** What a request is, for the words of its errors (never a GraphQL field name). */
export interface RequestLabel {
	/** The operation's display name, e.g. "Unattach From Environment". */
	name: string;
	/** A mutation changes something at Boomi: its unknown outcomes are never resent. */
	mutation: boolean;
}
