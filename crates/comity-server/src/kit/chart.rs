//! What the SVG charts share: their gridlines and ticks, and coordinates rounded to a tenth
//! of a pixel so the markup stays short and stable.

/// A horizontal gridline at `y`, with its value in words.
pub struct Gridline {
    pub y: f64,
    pub label: String,
}

/// A tick on the horizontal axis at `x`, with its label.
pub struct Tick {
    pub x: f64,
    pub label: String,
}

/// A coordinate rounded to a tenth of a pixel.
pub fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_keep_one_decimal() {
        assert_eq!(round(12.345), 12.3);
        assert_eq!(round(12.35001), 12.4);
        assert_eq!(round(-0.04), 0.0);
        assert_eq!(round(7.0), 7.0);
    }
}
