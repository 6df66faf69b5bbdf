// Reads the Python snapshot (16 MB) on a thread of its own and hands it over without a copy.
// In the Python worker the download would only move forward between that worker's long start-up
// tasks, which kept the snapshot, the last piece Python waits for, arriving late.
self.onmessage = async (event) => {
  const { url, port } = event.data;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error("snapshot " + response.status);
    const packed = await response.arrayBuffer();
    port.postMessage({ packed }, [packed]);
  } catch (error) {
    port.postMessage({ error: String(error) });
  }
  self.close();
};
