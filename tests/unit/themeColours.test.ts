// Each theme (light, dark, high contrast) sets every colour the window is drawn with, each to a value:
// a colour left undefined, or defined by itself, is invalid at computed-value time and the part it
// colours is drawn without it (the light theme once lost its warning, danger and diff colours so).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(import.meta.dirname, '../../renderer/src/styles.css'), 'utf8');

/** The custom properties a rule sets, for the rule whose selector is exactly `selector`. */
function variablesOf(selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  expect(start, `${selector} is in styles.css`).toBeGreaterThanOrEqual(0);
  const body = css.slice(start + selector.length + 2, css.indexOf('}', start)).replace(/\/\*[\s\S]*?\*\//g, '');
  return new Map([...body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((match) => [match[1]!, match[2]!.trim()]));
}

/** A variable's value with the variables it names replaced by theirs, as the browser resolves them; null on a cycle or an unset name. */
function resolve(name: string, variables: ReadonlyMap<string, string>, seen: readonly string[] = []): string | null {
  const value = variables.get(name);
  if (value === undefined || seen.includes(name)) return null;
  let unresolved = false;
  const resolved = value.replace(/var\((--[\w-]+)\)/g, (_whole, inner: string) => resolve(inner, variables, [...seen, name]) ?? ((unresolved = true), ''));
  return unresolved ? null : resolved;
}

const light = variablesOf(':root');
const colourNames = [...light.keys()].filter((name) => !/^--(space|text|radius|sidebar|item-panel)/.test(name));

describe('the themes', () => {
  it('give every colour of the light theme a value of its own', () => {
    expect(colourNames.length).toBeGreaterThan(20);
    expect(colourNames.filter((name) => resolve(name, light) === null)).toEqual([]);
  });

  it.each([":root[data-theme='dark']", ":root[data-theme='contrast']"])('%s sets every colour the light theme sets, each to a value', (selector) => {
    const theme = new Map([...light, ...variablesOf(selector)]);
    const own = variablesOf(selector);
    expect(colourNames.filter((name) => !own.has(name))).toEqual([]);
    expect(colourNames.filter((name) => resolve(name, theme) === null)).toEqual([]);
  });
});
