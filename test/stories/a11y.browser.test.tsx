import { composeStories, setProjectAnnotations } from '@storybook/react-vite'
import { cleanup, render, screen } from '@testing-library/react'
import axe from 'axe-core'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'
import preview from '../../.storybook/preview'
import * as dropzone from '../../stories/AssetDropzone.stories'
import * as uploader from '../../stories/AssetUploader.stories'
import * as form from '../../stories/InAForm.stories'
import * as languages from '../../stories/Locales.stories'
import * as looks from '../../stories/Looks.stories'
import * as presets from '../../stories/Presets.stories'
import * as states from '../../stories/States.stories'
import * as strategies from '../../stories/Strategies.stories'

setProjectAnnotations(preview)
afterEach(cleanup)

const stories = Object.entries({
  ...prefixed('AssetDropzone', composeStories(dropzone)),
  ...prefixed('Multipart form', composeStories(uploader)),
  ...prefixed('Presets', composeStories(presets)),
  ...prefixed('States', composeStories(states)),
  ...prefixed('In a form', composeStories(form)),
  ...prefixed('Languages', composeStories(languages)),
  ...prefixed('Strategies', composeStories(strategies)),
  ...prefixed('Looks', composeStories(looks)),
})

function prefixed<T extends object>(prefix: string, module: T): Record<string, T[keyof T]> {
  return Object.fromEntries(
    Object.entries(module).map(([name, story]) => [`${prefix}: ${name}`, story]),
  )
}

/** Every story in each theme (on a page of the opposite colour) and at a desktop and a phone width. */
const cases = [1280, 375].flatMap((width) =>
  (['light', 'dark'] as const).flatMap((theme) =>
    stories.map(
      ([name, story]) => [`${name}, ${theme}, ${width} px`, story, theme, width] as const,
    ),
  ),
)

/** Renders a story as the Storybook decorator does: themed through an ancestor, at `width`. */
async function show(Story: unknown, theme: 'light' | 'dark', width: number) {
  await page.viewport(width, 900)
  const Component = Story as () => React.JSX.Element
  const { container } = render(
    <div data-assetdrop-theme={theme} style={{ background: theme === 'dark' ? '#fff' : '#111' }}>
      <Component />
    </div>,
  )
  // Wait for the widget to mount (the Dashboard renders in an effect).
  await screen.findAllByRole('button')
  return container
}

describe('accessibility of every story', () => {
  it.each(cases)(
    '%s: no axe-core violations, colour contrast included',
    async (_, Story, theme, width) => {
      const container = await show(Story, theme, width)
      const { violations } = await axe.run(container, { resultTypes: ['violations'] })
      expect(
        violations.map(
          (violation) =>
            `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
        ),
      ).toEqual([])
    },
  )

  it.each(stories)(
    '%s at 375 px: no text squeezed narrower than four characters',
    async (_, Story) => {
      const container = await show(Story, 'light', 375)
      const squeezed: string[] = []
      for (const element of container.querySelectorAll<HTMLElement>('*')) {
        const own = [...element.childNodes]
          .filter((node) => node.nodeType === Node.TEXT_NODE)
          .map((node) => node.textContent?.trim() ?? '')
          .join('')
        if (own.length < 4 || element.closest('.assetdrop-visually-hidden')) continue
        const style = getComputedStyle(element)
        if (style.display === 'none' || style.visibility === 'hidden') continue
        const box = element.getBoundingClientRect()
        // Four characters of this font: about two em.
        if (box.width > 0 && box.width < 2 * Number.parseFloat(style.fontSize)) {
          squeezed.push(
            `${element.tagName.toLowerCase()} "${own.slice(0, 20)}" ${Math.round(box.width)} px`,
          )
        }
      }
      expect(squeezed).toEqual([])
    },
  )
})

afterAll(() => page.viewport(1280, 900))
