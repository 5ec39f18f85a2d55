// Chart.js with only the pieces the debrief draws (lines, scatter points, linear axes, legend and
// tooltips), registered once. Loaded on demand by Chart.tsx, so the library never weighs on the
// first paint of a page and never runs on the server.
import {
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
} from "chart.js";

Chart.register(LineController, ScatterController, LineElement, PointElement, LinearScale, Legend, Tooltip);
// Readable on a projector and in print: larger type, the page's ink colour.
Chart.defaults.font.size = 14;
Chart.defaults.color = "#1b1f24";

export { Chart };
