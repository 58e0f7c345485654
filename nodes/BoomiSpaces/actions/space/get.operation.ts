import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { GraphQLDocument, OperationDefinition } from '../types';
import { noSettings } from '../types';
import { oneSpace, readSpaceId, SPACE_FIELDS, SPACE_GUID_NOTE } from './shared';
import { spaceLocator } from '../resourceLocator';

/**
 * Boomi's `space(id: ID!)`. The Space details page writes `Space(id:)` in its
 * request but answers under `space`, the field Boomi's reference lists: the
 * node sends `space`.
 */
export const document: GraphQLDocument = {
	operationName: 'GetSpace',
	field: 'space',
	query: /* GraphQL */ `query GetSpace($spaceId: ID!) {
  space(id: $spaceId) {
    ${SPACE_FIELDS}
  }
}`,
};

export const properties: INodeProperties[] = [
	spaceLocator(
		`The Space to get: its Space ID, as Get Many on Space or Create returns it. ${SPACE_GUID_NOTE}`,
	),
];

export function variables(this: IExecuteFunctions, itemIndex: number): IDataObject {
	return { spaceId: readSpaceId.call(this, itemIndex, 'to get') };
}

/** One item: the Space. */
export function output(data: unknown, vars: IDataObject): IDataObject[] {
	if (data === null || data === undefined) {
		throw new Error(
			`Boomi answered without a Space for ID ${JSON.stringify(vars.spaceId)} (and without an error). Check the ID: Get Many on Space lists the Spaces the account created.`,
		);
	}
	return oneSpace(data, 'the get');
}

export const get = { document, properties, batch: true, variables, settings: noSettings, output } satisfies OperationDefinition;
