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

export class BoomiSpaces implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Boomi Spaces',
		name: 'boomiSpaces',
		icon: { light: 'file:boomiSpaces.svg', dark: 'file:boomiSpaces.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleExpression(),
		description: 'Manage integration pack instances in a Boomi Space through the Boomi Spaces GraphQL API',
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
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
