export default function HomePage() {
  return (
    <main style={{ padding: 24 }}>
      <h1>kmswatch</h1>
      <p>Ingest API is running. See the README for the agent protocol.</p>
    </main>
  );
}
