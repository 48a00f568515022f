import { composeStories, setProjectAnnotations } from '@storybook/react-vite'
import { cleanup, render, screen } from '@testing-library/react'
import axe from 'axe-core'
import { afterEach, describe, expect, it } from 'vitest'
import preview from '../../.storybook/preview'
import * as dropzone from '../../stories/AssetDropzone.stories'
import * as uploader from '../../stories/AssetUploader.stories'
import * as form from '../../stories/InAForm.stories'
import * as presets from '../../stories/Presets.stories'
import * as states from '../../stories/States.stories'

setProjectAnnotations(preview)
afterEach(cleanup)

const stories = Object.entries({
  ...prefixed('AssetDropzone', composeStories(dropzone)),
  ...prefixed('Multipart form', composeStories(uploader)),
  ...prefixed('Presets', composeStories(presets)),
  ...prefixed('States', composeStories(states)),
  ...prefixed('In a form', composeStories(form)),
})

function prefixed<T extends object>(prefix: string, module: T): Record<string, T[keyof T]> {
  return Object.fromEntries(
    Object.entries(module).map(([name, story]) => [`${prefix}: ${name}`, story]),
  )
}

describe('accessibility of every story', () => {
  it.each(stories)('%s has no axe-core violations', async (_, Story) => {
    const Component = Story as unknown as () => React.JSX.Element
    const { container } = render(<Component />)
    // Wait for the widget to mount (the Dashboard renders in an effect).
    await screen.findAllByRole('button')
    const { violations } = await axe.run(container, { resultTypes: ['violations'] })
    expect(
      violations.map(
        (violation) =>
          `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      ),
    ).toEqual([])
  })
})
