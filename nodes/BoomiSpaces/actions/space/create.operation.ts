import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeValue } from '../resourceLocator';
import type { GraphQLDocument, OperationDefinition } from '../types';
import { noSettings } from '../types';
import { idList, oneSpace, optionalText, requiredText, requireIdText, SPACE_FIELDS } from './shared';

/**
 * Boomi's `spaceCreate(input: SpaceCreateInput!)`, the input written inline
 * with scalar variables as Boomi's page writes it. The page's `theme.logo` is
 * a GraphQL `Upload` (a multipart request): the node sends no theme at all
 * (logo alt text describes a logo, and there is none).
 */
export const document: GraphQLDocument = {
	operationName: 'CreateSpace',
	field: 'spaceCreate',
	query: /* GraphQL */ `mutation CreateSpace($name: String!, $accountGroupId: ID!, $description: String, $sharingMode: SpaceSharingMode, $integrationPackIds: [ID], $accountIds: [ID]) {
  spaceCreate(input: { name: $name, accountGroupId: $accountGroupId, description: $description, sharingMode: $sharingMode, integrationPackIds: $integrationPackIds, accountIds: $accountIds }) {
    ${SPACE_FIELDS}
  }
}`,
};

export const SHARING_MODES = ['ACCOUNT_GROUP'];

export const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Customer Integrations',
		description: 'The name of the new Space, as its users will see it',
	},
	{
		displayName: 'Account Group ID',
		name: 'accountGroupId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 3ebe1222-b5fa-4d53-ab2f-fd57c4daf530',
		description:
			"The ID of the Boomi account group the Space is created for; the group's accounts are the Space's users. Boomi shows account groups (with their IDs) under Settings › Account Information and Setup › Account Groups and in its Platform API (AccountGroup object); Get Many on Space returns the account group of each existing Space (one Space per group). The Space belongs to the credential's account; the credential's Space GUID plays no part.",
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		typeOptions: { rows: 2 },
		description: "A description of the Space for its users. Sent only when not empty.",
	},
	{
		displayName: 'Sharing Mode',
		name: 'sharingMode',
		type: 'options',
		options: [{ name: 'Account Group', value: 'ACCOUNT_GROUP' }],
		default: 'ACCOUNT_GROUP',
		description: 'How the Space is shared with other Boomi accounts: with the accounts of its account group (ACCOUNT_GROUP, the only mode Boomi accepts)',
	},
	{
		displayName: 'Integration Pack IDs',
		name: 'integrationPackIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 10123, 10456',
		description:
			"The integration packs to offer in the Space: one integration pack ID each, comma-separated (an expression may give an array). They should be packs available to the account group; Get Many on Integration Pack returns the pack ID of each listing of an existing Space (spaceArtifactId). Sent only when not empty.",
	},
	{
		displayName: 'Account IDs',
		name: 'accountIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. acme-retail-Q7R8S9, globex-logistics-K4L5M6',
		description:
			"The accounts of the account group that get access to the Space: one account ID each, comma-separated (an expression may give an array). Get Many on Account lists the accounts of the credential's Space with their account ID. Sent only when not empty; Boomi's page does not say who has access when it is left out.",
	},
];

const FIX_IDS = 'Give the IDs as comma-separated text or, with an expression, as an array of IDs.';

export function variables(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const name = requiredText.call(this, 'name', 'Name', itemIndex, 'set "Name" to the name of the new Space.');
	const accountGroupId = requireIdText.call(this, 'accountGroupId', itemIndex, {
		label: 'Account Group ID',
		fix: 'set "Account Group ID" to the ID of the account group the Space is for (Boomi: Settings › Account Information and Setup › Account Groups).',
	});
	const vars: IDataObject = { name, accountGroupId };
	const description = optionalText.call(this, 'description', 'Description', itemIndex, 'Set "Description" to text, or leave it empty.');
	if (description !== undefined) vars.description = description;
	const sharingMode = this.getNodeParameter('sharingMode', itemIndex, 'ACCOUNT_GROUP') as unknown;
	if (typeof sharingMode !== 'string' || !SHARING_MODES.includes(sharingMode)) {
		throw new NodeOperationError(this.getNode(), 'The Sharing Mode must be ACCOUNT_GROUP', {
			itemIndex,
			description: `Item ${itemIndex}: "Sharing Mode" is ${describeValue(sharingMode)}. Choose Account Group, the only mode Boomi accepts.`,
		});
	}
	vars.sharingMode = sharingMode;
	const integrationPackIds = idList.call(this, 'integrationPackIds', 'Integration Pack IDs', itemIndex, FIX_IDS);
	if (integrationPackIds) vars.integrationPackIds = integrationPackIds;
	const accountIds = idList.call(this, 'accountIds', 'Account IDs', itemIndex, FIX_IDS);
	if (accountIds) vars.accountIds = accountIds;
	return vars;
}

/** One item: the new Space, with the Space ID that Get, Update and Delete take. */
export function output(data: unknown): IDataObject[] {
	return oneSpace(data, 'the create');
}

export const create = { document, properties, batch: true, variables, settings: noSettings, output } satisfies OperationDefinition;
