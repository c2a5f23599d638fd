/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // A separate build folder lets two checkouts' test runs build side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Native and file-reading packages are loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["yaml", "@resvg/resvg-js", "pdfkit"],
};

export default nextConfig;
