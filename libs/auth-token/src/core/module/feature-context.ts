import type { DynamicModule, Type } from '@nestjs/common';

/**
 * What the composition root hands each feature module of one `forRoot()`: the core to import, the host's User
 * entity (the features' own entities are bound to it), and how to mount routes.
 */
export interface FeatureContext {
  readonly core: DynamicModule;
  readonly userEntity: Type<object>;
  /**
   * The controllers mounted at the route prefix. With `forRoot()` the options are known, and the controllers of
   * a feature that is off are left out; with `forRootAsync()` all are mounted, and those answer 404.
   */
  readonly mount: (controllers: Type<object>[]) => Type<object>[];
}
