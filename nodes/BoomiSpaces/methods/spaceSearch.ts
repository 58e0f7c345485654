import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { asList } from '../actions/listResults';
import { document as spacesDocument } from '../actions/space/getMany.operation';
import type { GraphQLDocument } from '../transport';
import { getEndpoints, requestData } from '../transport';
import { asText, byName, loadFailure, matching } from './listSearch';

/**
 * Pickers of the Space resource: the Spaces the account created (`spaces`,
 * Get Many on Space's document). Failures throw a NodeApiError naming what could not be
 * loaded, as the other pickers do.
 */

type Run = (document: GraphQLDocument, variables?: IDataObject) => Promise<unknown>;

async function withBoomi<T>(context: ILoadOptionsFunctions, what: string, body: (run: Run) => Promise<T>): Promise<T> {
	try {
		const endpoints = await getEndpoints.call(context);
		const label = { name: `loading ${what}`, mutation: false };
		// A person waits for the list: fewer resends than a run's default.
		const run: Run = async (document, variables = {}) =>
			(await requestData.call(context, endpoints, document, variables, { label, maxRetries: 2 }))[document.field];
		return await body(run);
	} catch (error) {
		throw loadFailure(context, what, error);
	}
}

/** The Spaces the account created, as "<name> (<account group>)", valued by the Space ID. */
export async function searchSpaces(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const spaces = await withBoomi(this, 'the Spaces', async (run) => asList(await run(spacesDocument)));
	const results: INodeListSearchItems[] = spaces
		.filter((space) => asText(space.id) !== '')
		.map((space) => {
			const name = asText(space.name) || asText(space.id);
			const group = asText(((space.accountGroup ?? {}) as IDataObject).name);
			return { name: group && group !== name ? `${name} (${group})` : name, value: asText(space.id), url: asText(space.url) || undefined };
		});
	return matching(results.sort(byName), filter);
}
