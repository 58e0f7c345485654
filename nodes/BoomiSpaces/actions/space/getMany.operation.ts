import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { applyLimit, asList, limitSettings, listSettingsOf, returnAllAndLimitProperties } from '../listResults';
import type { GraphQLDocument, OperationDefinition } from '../types';
import { normalizeSpace, SPACE_FIELDS } from './shared';

/** Boomi's `spaces`: the Spaces created by the authorized account (no paging, no filter). */
export const document: GraphQLDocument = {
	operationName: 'ListSpaces',
	field: 'spaces',
	query: /* GraphQL */ `query ListSpaces {
  spaces {
    ${SPACE_FIELDS}
  }
}`,
};

export const properties: INodeProperties[] = [...returnAllAndLimitProperties];

export function variables(): IDataObject {
	return {};
}

/** Return All / Limit: applied to Boomi's answer (the query has no paging), never sent. */
export const settings = limitSettings;

/** One item per Space, in Boomi's order. */
export function output(data: unknown, _variables: IDataObject, itemSettings: IDataObject): IDataObject[] {
	return applyLimit(asList(data), listSettingsOf(itemSettings)).map(normalizeSpace);
}

export const getMany = { document, properties, batch: true, variables, settings, output } satisfies OperationDefinition;
