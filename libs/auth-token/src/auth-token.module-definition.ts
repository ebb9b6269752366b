import { ConfigurableModuleBuilder } from '@nestjs/common';
import { applyAuthTokenExtras, AUTH_TOKEN_EXTRAS } from './auth-token.extras.js';
import { AUTH_TOKEN_RAW_OPTIONS } from './core/module/auth-token.internal-constants.js';
import type { AuthTokenOptions } from './core/options/auth-token-options.interface.js';

export const {
  ConfigurableModuleClass: AuthTokenConfigurableModule,
  OPTIONS_TYPE: AUTH_TOKEN_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: AUTH_TOKEN_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<AuthTokenOptions>({
  moduleName: 'AuthToken',
  optionsInjectionToken: AUTH_TOKEN_RAW_OPTIONS,
})
  .setClassMethodName('forRoot')
  .setExtras(AUTH_TOKEN_EXTRAS, applyAuthTokenExtras)
  .build();
