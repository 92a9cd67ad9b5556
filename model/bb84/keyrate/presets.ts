/**
 * Named experimental parameter sets for the key-rate model.
 * @module
 */
import { validateChannel, type ChannelParameters } from "./channel.js";

/**
 * The GYS experiment (Gobby, Yuan, Shields, APL 84, 3762 (2004), 122 km of fibre at 1550 nm) as
 * used by Ma, Qi, Zhao, Lo, PRA 72, 012326 (2005), Table I: alpha = 0.21 dB/km,
 * e_detector = 3.3 %, Y0 = 1.7e-6, eta_Bob = 4.5 %; with f_EC = 1.22, e0 = 1/2, q = 1/2
 * and the 2 MHz repetition rate of that system.
 */
export const gys: ChannelParameters = validateChannel(
  {
    alphaDbPerKm: 0.21,
    etaBob: 0.045,
    darkCountYield: 1.7e-6,
    eDetector: 0.033,
    eDark: 0.5,
    fEC: 1.22,
    repetitionRateHz: 2e6,
    siftingFactor: 0.5,
  },
  "gys",
);

/** Every preset by name. */
export const channelPresets: Readonly<Record<string, ChannelParameters>> = { gys };

/** Look a preset up by name; throws naming the unknown name and the known ones. */
export function channelPreset(name: string): ChannelParameters {
  const found = Object.prototype.hasOwnProperty.call(channelPresets, name) ? channelPresets[name] : undefined;
  if (!found) throw new Error(`channelPreset: unknown preset "${name}"; known: ${Object.keys(channelPresets).join(", ")}`);
  return found;
}
