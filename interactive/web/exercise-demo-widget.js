// The exercise pages' mini-demo entry: its view, and the Python package it runs (calf_pump).
import { define } from "./widgets.js";
import { ExerciseDemoView } from "./exercise-demo.js";

define("exercise-demo", ExerciseDemoView, "calf_pump");
