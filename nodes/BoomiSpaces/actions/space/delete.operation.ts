import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { GraphQLDocument, OperationDefinition } from '../types';
import { noSettings } from '../types';
import { readSpaceId, SPACE_GUID_NOTE } from './shared';
import { spaceLocator } from '../resourceLocator';

/** Boomi's `spaceDelete(id: ID!): Boolean` (its sample answers `true`). */
export const document: GraphQLDocument = {
	operationName: 'DeleteSpace',
	field: 'spaceDelete',
	query: /* GraphQL */ `mutation DeleteSpace($spaceId: ID!) {
  spaceDelete(id: $spaceId)
}`,
};

export const properties: INodeProperties[] = [
	spaceLocator(
		`The Space to delete: its Space ID, as Get Many on Space or Create returns it. ${SPACE_GUID_NOTE}`,
	),
];

export function variables(this: IExecuteFunctions, itemIndex: number): IDataObject {
	return { spaceId: readSpaceId.call(this, itemIndex, 'to delete') };
}

/** One item: `deleted` (Boomi answered `true`), the Space ID sent and Boomi's answer. */
export function output(data: unknown, vars: IDataObject): IDataObject[] {
	return [{ deleted: data === true || data === 'true', id: vars.spaceId as string, result: (data as IDataObject | boolean | string | undefined) ?? null }];
}

/** `delete` is a reserved word: the operations map lists this as `delete`. */
export const deleteSpace = { document, properties, batch: true, variables, settings: noSettings, output } satisfies OperationDefinition;
