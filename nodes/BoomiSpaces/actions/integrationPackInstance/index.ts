import type { INodeProperties } from 'n8n-workflow';

import type { OperationDefinition } from '../types';
import { attach } from './attach.operation';
import { getMany } from './getMany.operation';
import { install } from './install.operation';
import { unattach } from './unattach.operation';
import { uninstall } from './uninstall.operation';

export const operations = {
	unattach,
	attach,
	getMany,
	install,
	uninstall,
} satisfies Record<string, OperationDefinition>;

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['integrationPackInstance'] } },
	options: [
		{
			name: 'Attach to Environments',
			value: 'attach',
			description:
				'Attach an installed integration pack instance to one or more environments of the Space; outputs one item per created attachment with its attachment ID (Boomi mutation integrationPackInstanceEnvironmentAttachmentAttach)',
			action: 'Attach instance to environments',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description:
				'List the integration pack instances installed in the Space, one item per instance with its ID, override name and integration pack (ID, name, installation type) (Boomi query integrationPackInstances)',
			action: 'Get many instances',
		},
		{
			name: 'Install',
			value: 'install',
			description:
				'Install an integration pack in the Space, creating an integration pack instance; outputs the new instance ID (Boomi mutation integrationPackInstanceInstall)',
			action: 'Install integration pack',
		},
		{
			name: 'Unattach From Environment',
			value: 'unattach',
			description:
				'Detach an installed integration pack instance from an environment (Boomi mutation integrationPackInstanceEnvironmentAttachmentUnattach)',
			action: 'Unattach instance from environment',
		},
		{
			name: 'Uninstall',
			value: 'uninstall',
			description:
				'Uninstall an integration pack instance from the Space (Boomi mutation integrationPackInstanceUninstall)',
			action: 'Uninstall instance',
		},
	],
	default: 'unattach',
};
