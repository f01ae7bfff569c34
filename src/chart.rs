//! Line charts by year as SVG (plotters): the rates of `trend` and the targets of `targets`.

/// One line: its label and its points (year, value), years ascending.
pub(crate) type Series = (String, Vec<(i32, f64)>);

/// An SVG chart of `series` against the year, with a caption, labelled axes and a legend;
/// `None` when no series has a point.
pub(crate) fn by_year(caption: &str, y_desc: &str, series: &[Series]) -> Option<String> {
    let years = series.iter().flat_map(|(_, ps)| ps.iter().map(|p| p.0));
    let (first, last) = (years.clone().min()?, years.max()?);
    let (low, high) = series
        .iter()
        .flat_map(|(_, ps)| ps.iter().map(|p| p.1))
        .fold((0.0f64, 0.0f64), |(l, h), v| (l.min(v), h.max(v)));
    let mut svg = String::new();
    draw(
        &mut svg,
        caption,
        y_desc,
        series,
        (first, last.max(first + 1)),
        (low * 1.1, (high * 1.1).max(0.01)),
    )
    .ok()?;
    Some(svg)
}

type DrawResult = std::result::Result<(), Box<dyn std::error::Error>>;

fn draw(
    svg: &mut String,
    caption: &str,
    y_desc: &str,
    series: &[Series],
    years: (i32, i32),
    values: (f64, f64),
) -> DrawResult {
    use plotters::prelude::*;
    let root = SVGBackend::with_string(svg, (960, 540)).into_drawing_area();
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(&root)
        .caption(caption, ("sans-serif", 22))
        .margin(16)
        .x_label_area_size(48)
        .y_label_area_size(64)
        .build_cartesian_2d(years.0..years.1, values.0..values.1)?;
    chart
        .configure_mesh()
        .x_desc("年份")
        .y_desc(y_desc)
        .x_label_formatter(&|y| y.to_string())
        .draw()?;
    for (i, (label, points)) in series.iter().enumerate() {
        let colour = Palette99::pick(i).to_rgba();
        chart
            .draw_series(LineSeries::new(points.clone(), colour.stroke_width(2)))?
            .label(label.as_str())
            .legend(move |(x, y)| PathElement::new([(x, y), (x + 20, y)], colour.stroke_width(2)));
        chart.draw_series(
            points
                .iter()
                .map(move |&p| Circle::new(p, 3, colour.filled())),
        )?;
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.8))
        .border_style(BLACK)
        .draw()?;
    root.present()?;
    Ok(())
}
