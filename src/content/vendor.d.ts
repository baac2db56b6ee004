// js-yaml 3 ships no type declarations; these cover only what src/content uses.
declare module 'js-yaml' {
  interface Schema {
    readonly __schema: unique symbol;
  }
  interface Mark {
    line: number;
  }
  const yaml: {
    CORE_SCHEMA: Schema;
    load(text: string, options?: { schema?: Schema; filename?: string }): unknown;
  };
  export default yaml;
}
