import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { GraphQLDocument, OperationDefinition } from '../types';
import { noSettings } from '../types';
import { oneSpace, optionalText, readSpaceId, requiredText, SPACE_FIELDS, SPACE_GUID_NOTE } from './shared';
import { spaceLocator } from '../resourceLocator';

/**
 * Boomi's `spaceUpdate(input: SpaceUpdateInput!)`, the input inline with
 * scalar variables. Boomi requires `name` even when only the description
 * changes. The page's theme (logo upload, alt text) is not sent.
 */
export const document: GraphQLDocument = {
	operationName: 'UpdateSpace',
	field: 'spaceUpdate',
	query: /* GraphQL */ `mutation UpdateSpace($spaceId: ID!, $name: String!, $description: String) {
  spaceUpdate(input: { id: $spaceId, name: $name, description: $description }) {
    ${SPACE_FIELDS}
  }
}`,
};

export const properties: INodeProperties[] = [
	spaceLocator(
		`The Space to update: its Space ID, as Get Many on Space or Create returns it. ${SPACE_GUID_NOTE}`,
	),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Customer Integrations',
		description:
			"The Space's name after the update. Boomi requires it even when only the description changes: give the current name (the name Get on Space returns) to keep it.",
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		typeOptions: { rows: 2 },
		description:
			"The Space's new description. Sent only when not empty; Boomi's page does not say whether a description left out is kept or cleared.",
	},
];

export function variables(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const spaceId = readSpaceId.call(this, itemIndex, 'to update');
	const name = requiredText.call(
		this,
		'name',
		'Name',
		itemIndex,
		'set "Name" to the Space\'s name: Boomi requires it on every update (give the current name to keep it).',
	);
	const vars: IDataObject = { spaceId, name };
	const description = optionalText.call(this, 'description', 'Description', itemIndex, 'Set "Description" to text, or leave it empty.');
	if (description !== undefined) vars.description = description;
	return vars;
}

/** One item: the updated Space. */
export function output(data: unknown): IDataObject[] {
	return oneSpace(data, 'the update');
}

export const update = { document, properties, batch: true, variables, settings: noSettings, output } satisfies OperationDefinition;
