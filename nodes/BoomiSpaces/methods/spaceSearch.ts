import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { listingName, listingsOf } from '../actions/integrationPack/shared';
import { document as listingsDocument } from '../actions/integrationPack/getMany.operation';
import { asList } from '../actions/listResults';
import { locatorValue } from '../actions/resourceLocator';
import { document as spacesDocument } from '../actions/space/getMany.operation';
import type { GraphQLDocument } from '../transport';
import { getEndpoints, requestData } from '../transport';
import { asText, byName, loadFailure, matching } from './listSearch';

/**
 * Pickers of the Space and Integration Pack resources: the Spaces the account
 * created (`spaces`, Get Many on Space's document) and the integration pack
 * listings of a Space (`spaceArtifactListings`, Get Many on Integration
 * Pack's document). Failures throw a NodeApiError naming what could not be
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

/**
 * A Space ID the node's "Space" field holds as plain text (From List or By
 * ID), or undefined: empty, an expression (which needs an item to resolve),
 * or unreadable.
 */
function chosenSpaceId(context: ILoadOptionsFunctions): string | undefined {
	try {
		const parameters = context.getCurrentNodeParameters() ?? {};
		const value = locatorValue(parameters.spaceId);
		if (typeof value !== 'string' || value.trim() === '' || value.startsWith('=')) return undefined;
		return value;
	} catch {
		return undefined;
	}
}

/** The listing type the node's field holds (INTEGRATION_PACK unless Boomi's default is chosen). */
function chosenListingType(context: ILoadOptionsFunctions): IDataObject {
	try {
		const value = (context.getCurrentNodeParameters() ?? {}).spaceArtifactListingType;
		return value === 'default' ? {} : { spaceArtifactListingType: 'INTEGRATION_PACK' };
	} catch {
		return { spaceArtifactListingType: 'INTEGRATION_PACK' };
	}
}

/**
 * The integration pack listings of the Space the node's "Space" field names,
 * by name (the catalog metadata's, else the artifact ID), valued by the
 * listing ID. When the field holds no plain Space ID (empty or an
 * expression), the listings of every Space the account created, each named
 * with its Space: one query per Space, one at a time.
 */
export async function searchIntegrationPackListings(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const spaceId = chosenSpaceId(this);
	const listingType = chosenListingType(this);
	const results = await withBoomi(this, 'the integration pack listings', async (run) => {
		const found: INodeListSearchItems[] = [];
		const add = (data: unknown, spaceName?: string) => {
			for (const listing of listingsOf(data)) {
				const id = asText(listing.id);
				if (!id) continue;
				const name = listingName(listing) || id;
				found.push({ name: spaceName ? `${name} (${spaceName})` : name, value: id });
			}
		};
		if (spaceId) {
			add(await run(listingsDocument, { spaceId, ...listingType }));
		} else {
			for (const space of asList(await run(spacesDocument))) {
				const id = asText(space.id);
				if (id) add(await run(listingsDocument, { spaceId: id, ...listingType }), asText(space.name) || id);
			}
		}
		return found;
	});
	return matching(results.sort(byName), filter);
}
