import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { applyLimit, asList, limitSettings, listSettingsOf, returnAllAndLimitProperties } from '../listResults';
import { describeValue } from '../resourceLocator';
import type { GraphQLDocument, OperationDefinition } from '../types';

/**
 * Boomi's `spaceAccounts(criteria: {operator, argument})`: the accounts of the
 * Space the SPACE_GUID header names (the credential's Space). The criteria
 * object is written inline with scalar variables, as Boomi's page writes it,
 * so its input type name never reaches Boomi. One constant document cannot
 * leave the optional criteria out, so without a filter the node sends
 * CONTAINS with an empty argument: Boomi's page documents the empty-string
 * search, taken to match every account [inferred].
 */
export const document: GraphQLDocument = {
	operationName: 'ListSpaceAccounts',
	field: 'spaceAccounts',
	query: /* GraphQL */ `query ListSpaceAccounts($operator: Operator!, $argument: String!) {
  spaceAccounts(criteria: { operator: $operator, argument: $argument }) {
    id
    name
  }
}`,
};

export const OPERATORS = ['CONTAINS', 'STARTSWITH'];

export const properties: INodeProperties[] = [
	...returnAllAndLimitProperties,
	{
		displayName: 'Name Filter',
		name: 'operator',
		type: 'options',
		options: [
			{ name: 'None', value: 'none', description: 'Every account of the Space' },
			{ name: 'Name Contains', value: 'CONTAINS', description: 'Accounts whose name contains the search text' },
			{ name: 'Name Starts With', value: 'STARTSWITH', description: 'Accounts whose name starts with the search text' },
		],
		default: 'none',
		description:
			"Which accounts of the credential's Space to return: all, or those whose name contains or starts with a text (Boomi matches the names; its page does not say whether case matters)",
	},
	{
		displayName: 'Search Text',
		name: 'argument',
		type: 'string',
		default: '',
		placeholder: 'e.g. Acme',
		description: 'The text the account names must contain or start with. Empty matches every account.',
		displayOptions: { hide: { operator: ['none'] } },
	},
];

export function variables(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const operator = this.getNodeParameter('operator', itemIndex, 'none') as unknown;
	if (operator === 'none' || operator === '' || operator === undefined || operator === null) {
		return { operator: 'CONTAINS', argument: '' };
	}
	if (typeof operator !== 'string' || !OPERATORS.includes(operator)) {
		throw new NodeOperationError(this.getNode(), 'The Name Filter must be None, Name Contains or Name Starts With', {
			itemIndex,
			description: `Item ${itemIndex}: "Name Filter" is ${describeValue(operator)}. Choose one from the list (an expression must give none, CONTAINS or STARTSWITH).`,
		});
	}
	const argument = this.getNodeParameter('argument', itemIndex, '') as unknown;
	if (typeof argument !== 'string' && !(typeof argument === 'number' && Number.isFinite(argument))) {
		throw new NodeOperationError(this.getNode(), 'The Search Text must be text', {
			itemIndex,
			description: `Item ${itemIndex}: "Search Text" is ${describeValue(argument)}. Set it to the text the account names must contain or start with.`,
		});
	}
	return { operator, argument: String(argument) };
}

/** Return All / Limit: applied to Boomi's answer (the query has no paging), never sent. */
export const settings = limitSettings;

/** One item per account: its account ID and name, in Boomi's order. */
export function output(data: unknown, _variables: IDataObject, itemSettings: IDataObject): IDataObject[] {
	return applyLimit(asList(data), listSettingsOf(itemSettings)).map((account) => ({
		id: account.id ?? null,
		name: account.name ?? null,
	}));
}

export const getMany = { document, properties, batch: true, variables, settings, output } satisfies OperationDefinition;
