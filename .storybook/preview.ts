import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
// Generated from the elements' JSDoc by `npm run analyze` (run before Storybook starts).
import manifest from '../custom-elements.json';
import { LANGUAGES, VIEWPORTS, withLanguage, withTheme } from '../stories/support/globals.js';
import { controlsFromManifest, publicManifest } from './public-api.js';

// Feeds the docs pages and the controls: public properties, events, slots, CSS parts and properties.
setCustomElementsManifest(publicManifest(manifest));

const preview: Preview = {
  // A docs page per element, from the manifest and the stories' descriptions.
  tags: ['autodocs'],
  globalTypes: {
    lang: {
      description: 'Language of the elements',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: Object.entries(LANGUAGES).map(([value, title]) => ({ value, title })),
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Theme tokens (--idv-*)',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light (defaults)' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'ko', theme: 'light' },
  decorators: [withTheme, withLanguage],
  argTypesEnhancers: [controlsFromManifest(manifest)],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    viewport: { options: VIEWPORTS },
  },
};
export default preview;
