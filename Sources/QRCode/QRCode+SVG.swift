extension QRCode {
    /// The symbol as an SVG element: one path of unit squares, a four-module quiet zone, scaled to
    /// `pixelsPerModule` (the viewBox keeps it crisp at any size). Contains no text from the payload.
    public func svg(pixelsPerModule: Int = 4, title: String? = nil) -> String {
        let border = 4
        let dimension = size + 2 * border
        var path = ""
        for y in 0..<size {
            for x in 0..<size where modules[y][x] { path += "M\(x + border),\(y + border)h1v1h-1z" }
        }
        let pixels = dimension * pixelsPerModule
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(dimension) \(dimension)\" width=\"\(pixels)\" height=\"\(pixels)\" shape-rendering=\"crispEdges\" role=\"img\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"\(path)\" fill=\"#000\"/></svg>"
    }
}
