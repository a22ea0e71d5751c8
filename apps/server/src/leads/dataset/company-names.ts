import { commaList } from './word-list.js';

/** First halves of made-up brand names: `Bright` + `wave`. */
export const brandPrefixes = commaList(`
  Bright, North, Blue, Silver, Iron, Clear, Swift, Nova, Apex, Terra, Quantum, Vertex, Cedar, Oak,
  Stone, River, Summit, Harbor, Pioneer, Lumen, Polar, Crimson, Ever, Golden, Red, Green, True,
  Prime, Core, Open, Smart, Next, Deep, High, Wide, Star, Sun, Sky, Cloud, Signal, Pulse, Spark,
  Bold, Fair, Keen, Vivid, Alpine, Urban, Zen, Aero, Falcon, Fox, Wolf, Bear, Lynx, Raven, Maple,
  Willow, Aspen, Granite, Copper, Cobalt, Onyx, Indigo, Amber, Jade, Solar, Arc, Echo, Flux, Vector,
  Nexus, Axis, Beacon, Anchor, Tide, Frost, Ember, Orbit, Hyper, Meta, Omni, Uni, Tru, Veri, Lumi`);

/** Second halves of made-up brand names, written in lower case to be joined on. */
export const brandRoots = commaList(`
  wave, point, field, bridge, stone, path, line, works, gate, light, forge, scale, ware, logic, base,
  stack, flow, grid, hub, mind, core, sense, link, shift, loop, craft, view, peak, port, ly, ify,
  vista, nest, leaf, wind, spring, rock, mark, bit, byte, cast, sphere, tek, form, wise, lane`);

/** Names that stand alone before an industry word: `Atlas Logistics`, `Helix Therapeutics`. */
export const standaloneNames = commaList(`
  Atlas, Helix, Orion, Vega, Lyra, Sirius, Polaris, Titan, Phoenix, Delta, Sigma, Omega, Alpha,
  Kappa, Nordic, Global, United, Pacific, Atlantic, Continental, Premier, Pinnacle, Horizon,
  Frontier, Heritage, Liberty, Sterling, Keystone, Cornerstone, Redwood, Lighthouse, Bluebird,
  Greenfield, Riverside, Lakeside, Highland, Meridian, Zenith, Aurora, Nimbus, Evergreen, Compass,
  Catalyst, Momentum, Elevate, Insight, Vantage, Velocity, Fusion, Synergy, Paragon, Crescent,
  Summit, Harbor, Granite, Cobalt, Quantum, Vertex, Apex, Nova, Ember, Archer, Osprey, Kestrel,
  Mosaic, Prism, Quartz, Sapphire, Tandem, Union, Venture, Willow, Yellowstone, Northwind`);

/** How a surname-based firm name goes on: `Müller & Partner`, `Harris Group`. */
export const surnameEndings = commaList(`& Partner, & Co., & Associates, Group, Brothers, & Sons`);
