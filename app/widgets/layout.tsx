/** The Agent App's frames: compact, no app header (the Agent App has its own). */
export default function WidgetLayout({ children }: { children: React.ReactNode }) {
  return <div className="widget">{children}</div>;
}
