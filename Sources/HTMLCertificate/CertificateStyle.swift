/// The certificate's style sheet: a one-page print layout for A4 or US Letter.
enum CertificateStyle {
    static func css(paper: HTMLCertificateOptions.Paper) -> String {
        let page = paper == .a4 ? "A4 portrait" : "letter portrait"
        return """
        @page { size: \(page); margin: 10mm 12mm; }
        * { box-sizing: border-box; }
        html { font-family: "DejaVu Serif", Georgia, "Times New Roman", serif; color: #1b1b1b; background: #fff; }
        body { margin: 0; font-size: 9pt; line-height: 1.3; }
        main.certificate { max-width: 186mm; margin: 0 auto; padding: 5mm 7mm; border: 2.5pt double #3d4f6b; }
        header { display: flex; align-items: center; gap: 6mm; border-bottom: 0.75pt solid #3d4f6b; padding-bottom: 3mm; }
        header img { max-height: 15mm; max-width: 36mm; object-fit: contain; }
        .issuer-name { letter-spacing: 0.03em; font-size: 11pt; color: #3d4f6b; }
        h1 { font-size: 17pt; margin: 1mm 0 0; font-weight: normal; color: #24344d; }
        .award { text-align: center; margin: 4mm 0 3mm; }
        .award p { margin: 1mm 0; }
        .learner { font-size: 15pt; font-style: italic; }
        .achievement { font-size: 13.5pt; font-weight: bold; color: #24344d; }
        .achievement-image { max-height: 18mm; max-width: 36mm; margin-top: 1mm; }
        .description { white-space: pre-line; margin: 1.5mm auto 0; max-width: 160mm; font-size: 8.6pt; }
        section { break-inside: avoid; page-break-inside: avoid; }
        h2 { font-size: 10pt; margin: 2.5mm 0 1.2mm; color: #24344d; border-bottom: 0.5pt solid #c5cbd6; }
        dl.facts { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 1.2mm 5mm; margin: 0; }
        dl.facts div { break-inside: avoid; }
        dl.facts div.wide { grid-column: span 3; }
        dl.facts dt { font-size: 7pt; text-transform: uppercase; letter-spacing: 0.05em; color: #3d4f6b; }
        dl.facts dd { margin: 0; white-space: pre-line; overflow-wrap: anywhere; font-size: 8.3pt; line-height: 1.25; }
        ul.outcomes { margin: 0; padding-left: 5mm; columns: 2; column-gap: 8mm; font-size: 8.3pt; }
        ul.outcomes li { break-inside: avoid; margin-bottom: 0.8mm; }
        p.skills { margin: 1mm 0 0; font-size: 7.5pt; color: #3d4f6b; }
        footer.verification { display: flex; gap: 5mm; align-items: flex-start; margin-top: 3mm; break-inside: avoid; page-break-inside: avoid; border-top: 0.75pt solid #3d4f6b; padding-top: 3mm; font-size: 8pt; }
        footer .qr svg { display: block; image-rendering: pixelated; }
        @media print { footer .qr svg { width: var(--qr-print-size, 28mm); height: var(--qr-print-size, 28mm); } }
        section.transcript table { width: 100%; border-collapse: collapse; font-size: 8.4pt; margin: 1mm 0 2mm; }
        section.transcript th, section.transcript td { text-align: left; padding: 0.6mm 1.5mm; border-bottom: 0.4pt solid #c7cfdb; vertical-align: top; }
        section.transcript td.number { text-align: right; white-space: nowrap; }
        section.transcript tfoot th, section.transcript tfoot td { border-top: 0.8pt solid #3d4f6b; border-bottom: none; font-weight: bold; }
        section.transcript ul.stacks { margin: 0 0 2mm; padding-left: 5mm; font-size: 8.2pt; }
        footer .qr p { margin: 0; font-size: 7pt; text-align: center; max-width: 44mm; }
        footer dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.6mm 3mm; margin: 0; }
        footer dt { font-weight: bold; }
        footer dd { margin: 0; overflow-wrap: anywhere; font-family: "DejaVu Sans Mono", monospace; font-size: 7.5pt; }
        footer .note { margin: 1.5mm 0 0; font-style: italic; }
        a { color: inherit; }
        @media screen { body { background: #eef0f4; padding: 8mm 0; } main.certificate { background: #fff; } }
        """
    }
}
