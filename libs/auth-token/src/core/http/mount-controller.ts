import { Controller, type Type } from '@nestjs/common';

/**
 * A subclass of `controller` mounted at `path`. The route prefix is an option, while `@Controller(path)` is
 * fixed when a class is declared, so each module definition mounts its own subclass.
 */
export function mountController<T extends Type<object>>(controller: T, path: string): T {
  const mounted = class extends controller {};
  Object.defineProperty(mounted, 'name', { value: controller.name });
  Controller(path)(mounted);
  return mounted;
}
