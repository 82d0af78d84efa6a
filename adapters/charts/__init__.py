"""Chart renderers: core's `ChartRenderer` port drawn with matplotlib, headless."""
