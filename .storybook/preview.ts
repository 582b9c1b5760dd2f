import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
// Generated from the elements' JSDoc by `npm run analyze` (run before Storybook starts).
import manifest from '../custom-elements.json';

// Feeds the controls and docs tables: attributes, properties, events, parts, CSS properties.
setCustomElementsManifest(manifest);

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};
export default preview;
