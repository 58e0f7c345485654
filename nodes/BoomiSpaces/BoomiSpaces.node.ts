import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { describeProperties, subtitleExpression } from './actions/registry';
import { router } from './actions/router';
import { runOptionsProperty } from './actions/runOptions';
import {
	searchAttachments,
	searchEnvironments,
	searchIntegrationPackInstances,
	searchProcesses,
} from './methods/listSearch';
import { searchAtoms, searchProcessSchedules } from './methods/processSearch';
import { searchIntegrationPackListings, searchSpaces } from './methods/spaceSearch';

export class BoomiSpaces implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Boomi Spaces',
		name: 'boomiSpaces',
		icon: { light: 'file:boomiSpaces.svg', dark: 'file:boomiSpaces.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleExpression(),
		description: 'Install, configure, run and watch integration packs in a Boomi Space, and administer Spaces, through the Boomi Spaces GraphQL API',
		defaults: {
			name: 'Boomi Spaces',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'boomiSpacesApi',
				required: true,
			},
		],
		properties: [...describeProperties(), runOptionsProperty],
	};

	methods = {
		listSearch: {
			searchAttachments,
			searchEnvironments,
			searchIntegrationPackInstances,
			searchProcesses,
			searchAtoms,
			searchProcessSchedules,
			searchSpaces,
			searchIntegrationPackListings,
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
