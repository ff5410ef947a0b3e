// Stand-in for jsPDF's optional dependencies (html2canvas, dompurify, canvg), which
// Xunting never uses: keeps ~100 KB of unused code out of the bundles.
export default undefined;
