// The vein-valve animation's entry: its view, and the Python package it runs (calf_pump).
import { define } from "./widgets.js";
import { VeinValveView } from "./vein-valve.js";

define("vein-valve", VeinValveView, "calf_pump");
