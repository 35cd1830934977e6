import { NotBuiltPanel } from '../../components/NotBuiltPanel';
import { PageHeader } from '../../components/PageHeader';

export function NotBuiltPage({ title, description }: { title: string; description: string }) {
  return (
    <>
      <PageHeader title={title} />
      <NotBuiltPanel module={title} description={description} />
    </>
  );
}
